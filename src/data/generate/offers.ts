/** What a customer subscribes to when they sign up or come back: plan, billing cycle, auto-renew, promotion. */
import { billing, channels, lifecycle, plans } from './parameters.js';
import type { Profile } from './profile.js';
import type { Random } from './random.js';
import type { Offer, Plan } from './subscription.js';

const planNames = Object.keys(plans) as Plan[];

/** Engaged customers lean to Premium and to annual billing; promotions depend on the acquisition channel. */
export function signupOffer(r: Random, profile: Profile): Offer {
  const lean = Math.exp(0.5 * profile.personal);
  const plan = planNames[r.pick(planNames.map((p) => plans[p].share * (p === 'Premium' ? lean : p === 'Basic' ? 1 / lean : 1)))];
  const cycle = r.chance(billing.annualShare * Math.exp(0.4 * profile.personal)) ? 'annual' : 'monthly';
  const autoRenew = r.chance(billing.autoRenewShare[cycle]) ? 1 : 0;
  const discount = r.chance(channels[profile.channel].promo)
    ? lifecycle.promoDiscounts[r.int(lifecycle.promoDiscounts.length)]
    : 0;
  return { plan, cycle, discount, autoRenew };
}

/** A returning customer mostly pays monthly, keeps auto-renew on, and half get a win-back discount. */
export function winBackOffer(r: Random, profile: Profile): Offer {
  const first = signupOffer(r, profile);
  return {
    plan: first.plan,
    cycle: r.chance(0.1) ? 'annual' : 'monthly',
    discount: r.chance(lifecycle.winBackOffer) ? (r.chance(0.5) ? 30 : 50) : 0,
    autoRenew: 1,
  };
}
