/** A customer's static profile: demographics, device, channel, payment method and latent traits. */
import type { acquisitionChannels, deviceTypes, genders, paymentMethods } from '../contract/index.js';
import { billing, channels, devices, engagement, hazard, regions, usage } from './parameters.js';
import type { Random } from './random.js';
import type { World } from './world.js';

export type Device = (typeof deviceTypes)[number];
export type Channel = (typeof acquisitionChannels)[number];
export type Method = (typeof paymentMethods)[number];

/** Everything about a customer that does not change over the simulation. */
export interface Profile {
  id: string;
  signupDay: number;
  /** Part of the base that is already subscribed when the window starts. */
  initial: boolean;
  birthYear: number | null;
  gender: (typeof genders)[number] | null;
  region: string;
  city: string | null;
  device: Device;
  channel: Channel;
  method: Method;
  /** Personal engagement level (log scale) the random walk is pulled back to. */
  personal: number;
  priceSensitivity: number;
  crashPerSession: number;
  /** Chance per charge that funds are insufficient. */
  fundsFailure: number;
  /** Channel × device × age factor of the voluntary hazard. */
  staticHazard: number;
}

const pickKey = <K extends string>(r: Random, table: Record<K, { share: number }>): K => {
  const keys = Object.keys(table) as K[];
  return keys[r.pick(keys.map((k) => table[k].share))];
};

const genderList = ['Female', 'Male', 'Other'] as const;
const regionNames = Object.keys(regions);

/** Customer ids are `C` + 8 digits, in index order (signup order for customers who join during the window). */
export const customerId = (index: number) => `C${String(index + 1).padStart(8, '0')}`;

/** Draws the profile of customer `index` (the first `world.initialCustomers` form the initial base). */
export function drawProfile(world: World, index: number, r: Random): Profile {
  const { cal } = world;
  const initial = index < world.initialCustomers;
  let signupDay: number;
  if (initial) {
    // Survivors of a business churning at the target rate have geometric tenures; cap at 8 years.
    const meanDays = 30.4 / world.options.monthlyChurnRate;
    signupDay = cal.startDay - 1 - Math.min(8 * 365, Math.floor(r.exponential(meanDays)));
  } else {
    // New signups spread evenly over the window, in id order.
    const j = index - world.initialCustomers;
    const span = cal.endDay - cal.startDay + 1;
    signupDay = cal.startDay + Math.floor(((j + r.next()) * span) / world.newCustomers);
  }
  const birthYear = r.chance(0.05) ? null : 1950 + Math.floor(57 * Math.sqrt(r.next()));
  const gender = r.chance(0.08) ? null : genderList[r.pick([0.49, 0.48, 0.03])];
  const region = regionNames[r.int(regionNames.length)];
  const city = r.chance(0.04) ? null : regions[region][r.int(regions[region].length)];
  const device = pickKey(r, devices);
  const shifted = !initial && r.chance(world.drift.socialShift(signupDay));
  const channel: Channel = shifted ? 'Social' : pickKey(r, channels);
  const methodWeights = { ...billing.methods, carrier_billing: device === 'Android' ? 0.2 : 0.05 };
  const methods = Object.keys(methodWeights) as Method[];
  const method = methods[r.pick(methods.map((m) => methodWeights[m]))];
  const personal = engagement.personalSd * r.normal() + (channel === 'Referral' ? 0.15 : channel === 'Social' ? -0.1 : 0);
  const fragile = r.chance(billing.fragileShare);
  const methodFunds = { card: 1, paypal: 0.6, bank_transfer: 1.2, carrier_billing: 1.5 }[method];
  const age = birthYear === null ? 40 : new Date(cal.startDay * 86_400_000).getUTCFullYear() - birthYear;
  return {
    id: customerId(index),
    signupDay,
    initial,
    birthYear,
    gender,
    region,
    city,
    device,
    channel,
    method,
    personal,
    priceSensitivity: Math.exp(0.5 * r.normal()),
    crashPerSession: devices[device].crashPerSession * Math.exp(usage.crashPronenessSd * r.normal() - 0.18),
    fundsFailure: (fragile ? billing.fragileRate : billing.sturdyRate) * methodFunds * world.involuntaryScale,
    staticHazard: channels[channel].hazard * devices[device].hazard * (age < 25 ? hazard.young : age > 55 ? hazard.senior : 1),
  };
}
