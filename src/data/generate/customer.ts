/**
 * One customer's life, day by day, from signup (or the window start) to the window end: engagement,
 * usage, billing, support, voluntary and involuntary churn, win-back. Rows go straight into the batch.
 */
import { ChurnError } from '../../errors/index.js';
import type { RowBatch } from './batch.js';
import { charge, type FailureReason, refundRest } from './billing.js';
import { addMonths } from './calendar.js';
import { cancelReason, decidedEngagement, voluntaryHazard } from './hazard.js';
import { signupOffer, winBackOffer } from './offers.js';
import { billing, engagement, hazard, lifecycle } from './parameters.js';
import { drawProfile, type Profile } from './profile.js';
import { Random } from './random.js';
import { anniversaryChanges, closeSubscription, openSubscription, type Sub } from './subscription.js';
import type { ChurnReason, Tally } from './summary.js';
import { backgroundTicket } from './support.js';
import { usageDay } from './usage.js';
import type { World } from './world.js';

/** The mutable state of one simulated customer. */
export class CustomerSim {
  readonly r: Random;
  readonly profile: Profile;
  // Engagement: linear path from e0 (at engFrom) to e1 (30 days later); a new step every 30 days.
  e0 = 0;
  e1 = 0;
  engFrom = 0;
  fading = false;
  sub: Sub | null = null;
  subSeq = 0;
  spellStart = 0;
  /** Reason of a voluntary decision waiting for the end of the paid period. */
  decided: ChurnReason | null = null;
  paySeq = 0;
  retryAttempt = 0;
  retryDay = -1;
  retryCause: FailureReason | null = null;
  lastFailureDay = -1;
  cardExpiry = Number.POSITIVE_INFINITY;
  ticketSeq = 0;
  grievanceFrom = -1;
  grievanceUntil = -1;
  crashLoad = 0;
  priceShockUntil = -1;
  returnDay = -1;

  constructor(
    readonly world: World,
    readonly index: number,
    readonly out: RowBatch,
    readonly tally: Tally,
  ) {
    this.r = new Random(world.options.seed, index);
    this.profile = drawProfile(world, index, this.r);
  }

  /** Simulates the whole window and writes every row of this customer. */
  run(): void {
    const { cal } = this.world;
    const p = this.profile;
    this.out.customers.push([p.id, cal.iso(p.signupDay), p.birthYear, p.gender, p.region, p.city, p.device, p.channel]);
    this.tally.rows.customers++;
    const first = Math.max(p.signupDay, cal.startDay);
    if (p.method === 'card') this.cardExpiry = addMonths(first, 1 + this.r.int(billing.cardLifeMonths));
    this.resetEngagement(first, p.personal + 0.3 * this.r.normal(), p.initial ? this.r.int(30) : 30);
    if (p.initial) this.warmStart();
    openSubscription(this, p.signupDay, signupOffer(this.r, p));
    this.spellStart = p.signupDay;
    if (p.initial) this.decideBeforeWindow(first);
    const end = cal.endDay;
    for (let day = first; day <= end; day++) {
      if (!this.sub) {
        if (this.returnDay < 0 || this.returnDay > end) break;
        day = this.returnDay;
        this.winBack(day);
      }
      if (day >= this.engFrom + 30) this.stepEngagement(day);
      const level = this.e0 + ((this.e1 - this.e0) * (day - this.engFrom)) / 30;
      const sub = this.sub!;
      if (day === sub.nextCharge) {
        if (this.decided) {
          this.churn(day - 1, this.decided);
          continue;
        }
        if (day > sub.startDay) anniversaryChanges(this, day, level);
        charge(this, day, 1);
      } else if (day === this.retryDay) {
        charge(this, day, this.retryAttempt + 1);
      }
      if (!this.sub) continue;
      usageDay(this, day, this.decided ? decidedEngagement(level) : level);
      backgroundTicket(this, day);
      if (!this.decided) this.maybeDecide(day, level);
    }
    if (this.sub) {
      closeSubscription(this, null, null);
      this.tally.spell(this.spellStart, null, null);
    }
  }

  /** Probability of deciding to cancel today: the voluntary hazard × the caller's churnHazard hook. */
  private decisionHazard(day: number, level: number): number {
    const h = voluntaryHazard(this, day, level);
    const hook = this.world.options.churnHazard;
    if (!hook) return h;
    const m = hook(this.profile.id, this.world.cal.iso(day));
    if (!(typeof m === 'number' && Number.isFinite(m) && m >= 0))
      throw new ChurnError('CHURN_ERR_PARAM', `churnHazard returned ${String(m)}; it must return a finite number ≥ 0`, {
        option: 'churnHazard',
        customerId: this.profile.id,
        date: this.world.cal.iso(day),
      });
    return h * m;
  }

  /** Today's voluntary decision: the reason, and when service ends. */
  private maybeDecide(day: number, level: number): void {
    const h = this.decisionHazard(day, level);
    if (this.r.next() >= h) return;
    const reason = cancelReason(this, day, level);
    const sub = this.sub!;
    if (this.retryAttempt > 0) {
      this.churn(day, reason); // stops paying during retries: ends now
      return;
    }
    if (sub.cycle === 'annual' && this.r.chance(hazard.annualMidTermCancel)) {
      refundRest(this, day);
      this.churn(day, reason);
      return;
    }
    this.decided = reason; // ends the day before the next anniversary
  }

  /**
   * An initial-base customer may already have decided to cancel during the paid period that runs into the
   * window: replay the daily decision (no rows) from that period's start, so month one is not churn-free.
   */
  private decideBeforeWindow(windowStart: number): void {
    const level = this.e0;
    for (let day = this.sub!.termStart; day < windowStart && !this.decided; day++)
      if (this.r.next() < this.decisionHazard(day, level)) this.decided = cancelReason(this, day, level);
  }

  /** Ends the spell on `endDay` for `reason`, and decides whether (and when) the customer comes back. */
  churn(endDay: number, reason: ChurnReason): void {
    closeSubscription(this, endDay, reason);
    this.tally.spell(this.spellStart, endDay, reason);
    this.decided = null;
    this.retryAttempt = 0;
    this.retryDay = -1;
    this.retryCause = null;
    const p = reason === 'payment_failed' ? lifecycle.winBack.payment_failed : lifecycle.winBack.other;
    this.returnDay = this.r.chance(p)
      ? endDay + 1 + lifecycle.winBackMinGapDays + Math.floor(this.r.exponential(lifecycle.winBackMeanGapDays))
      : -1;
  }

  private winBack(day: number): void {
    this.tally.winBacks++;
    this.returnDay = -1;
    this.resetEngagement(day, this.profile.personal + 0.3 * this.r.normal(), 30);
    this.grievanceFrom = this.grievanceUntil = this.priceShockUntil = -1;
    this.crashLoad = 0;
    if (this.profile.method === 'card') this.cardExpiry = addMonths(day, billing.cardLifeMonths);
    openSubscription(this, day, winBackOffer(this.r, this.profile));
    this.spellStart = day;
  }

  /**
   * The initial base joins the window mid-life: some customers are already fading (the stationary share among
   * survivors), months into the episode, so the first months' churn is not artificially low.
   */
  private warmStart(): void {
    if (!this.r.chance(engagement.fadingAtStart)) return;
    this.fading = true;
    this.e0 = this.e1 = this.e0 + engagement.fadeDrift * 3 * this.r.next();
  }

  private resetEngagement(day: number, level: number, firstStepIn: number): void {
    this.e0 = this.e1 = level;
    this.fading = false;
    this.engFrom = day + firstStepIn - 30;
  }

  /** Monthly step: a random walk pulled back to the personal level, or a steady decline while fading. */
  private stepEngagement(day: number): void {
    const e = engagement;
    if (this.fading) this.fading = !this.r.chance(e.fadeEnd);
    else this.fading = this.r.chance(e.fadeStart);
    const pull = this.fading ? e.fadeDrift : e.reversion * (this.profile.personal - this.e1);
    this.e0 = this.e1;
    this.e1 = this.e1 + pull + e.monthlyStepSd * this.r.normal();
    this.engFrom = day;
  }
}
