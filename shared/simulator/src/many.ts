// simulateMany: many communities with varied parameters and a fixed total of events, one at a
// time (a generator), for benchmarks: 200 communities and a million events never sit in memory
// together. Each community's size is drawn (log-normal shares of the total), its interaction
// rate solved so that it makes a little more than its share, and the surplus cut (maxEvents).
import { type Sector, sectors } from "@copgraph/domain";
import { expectedEventCount } from "./event-count.js";
import type { SimulationParams } from "./params.js";
import { Random } from "./random.js";
import { resolveParams } from "./resolve-params.js";
import { type Simulation, simulateCommunity } from "./simulate.js";
import { MONTH_MS } from "./time.js";

export interface ManyOptions {
  readonly communities: number;
  /** Events over all communities, exactly (unless a community cannot reach its share: see below). */
  readonly eventsTotal: number;
  readonly seed?: number;
  readonly start: number;
  readonly end: number;
}

/** Fewest events a community is given. */
export const MIN_EVENTS_PER_COMMUNITY = 50;
const ATTEMPTS = 5;
/** Share drawn above the target, then cut, so that most communities reach it at the first attempt. */
const HEADROOM = 1.1;
/** The largest interactionsPerMemberPerMonth resolveParams accepts. */
const MAX_RATE = 10_000;

const concerns = [
  "Healthy lifestyle in and around schools",
  "Circular building practice",
  "Digital skills for small businesses",
  "Care for older adults at home",
  "Green school yards",
  "Inclusive sport clubs",
  "Regional food chains",
];

/**
 * Yields `communities` simulations whose event counts add up to `eventsTotal`. A community that
 * falls short of its share after a few attempts passes the rest on to the next one.
 */
export function* simulateMany(options: ManyOptions): Generator<Simulation, void, undefined> {
  const { communities, eventsTotal, start, end } = options;
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(communities) || communities < 1) {
    throw new RangeError("communities must be a positive integer");
  }
  if (!Number.isSafeInteger(eventsTotal) || eventsTotal < MIN_EVENTS_PER_COMMUNITY * communities) {
    throw new RangeError(`eventsTotal must be an integer ≥ ${MIN_EVENTS_PER_COMMUNITY} per community`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError("seed must be a safe integer");
  resolveParams({ start, end }); // checks the span once, with the same messages as simulateCommunity
  const quotas = shares(communities, eventsTotal, Random.derive(seed, "quotas"));
  let carry = 0;
  for (let k = 0; k < communities; k++) {
    const target = quotas[k]! + carry;
    const params = variedParams(k, seed, start, end, target);
    let simulation = simulateCommunity({ ...params, maxEvents: target });
    for (let attempt = 1; attempt < ATTEMPTS && simulation.events.length < target; attempt++) {
      const boost = ((HEADROOM * target) / simulation.events.length) ** 1.2;
      const rate = Math.min(MAX_RATE, params.interactionsPerMemberPerMonth * boost);
      simulation = simulateCommunity({ ...params, interactionsPerMemberPerMonth: rate, maxEvents: target });
      params.interactionsPerMemberPerMonth = rate;
    }
    carry = target - simulation.events.length;
    yield simulation;
  }
}

/** Integer shares of `total`, each ≥ the minimum, log-normally varied, summing exactly to `total`. */
function shares(count: number, total: number, random: Random): number[] {
  const weights = Array.from({ length: count }, () => random.logNormalMeanOne(0.8));
  const sum = weights.reduce((a, b) => a + b, 0);
  const free = total - MIN_EVENTS_PER_COMMUNITY * count;
  const quotas = weights.map((w) => MIN_EVENTS_PER_COMMUNITY + Math.floor((free * w) / sum));
  let rest = total - quotas.reduce((a, b) => a + b, 0);
  for (let k = 0; rest > 0; k = (k + 1) % count, rest--) quotas[k]!++;
  return quotas;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Parameters of the k-th community: varied plants and sizes, a rate solved for `target` events. */
function variedParams(
  k: number,
  seed: number,
  start: number,
  end: number,
  target: number,
): Mutable<SimulationParams> & { interactionsPerMemberPerMonth: number } {
  const random = Random.derive(seed, `community:${k}`);
  const months = (end - start) / MONTH_MS;
  const members = Math.max(4, Math.min(20_000, Math.round(target / random.between(25, 90))));
  const grown = Math.round(members * random.between(0, 0.5));
  const sectorMix: Partial<Record<Sector, number>> = {};
  for (const sector of sectors) if (random.chance(0.75)) sectorMix[sector] = -Math.log(1 - random.next());
  if (Object.keys(sectorMix).length === 0) sectorMix.education = 1;
  const params: Mutable<SimulationParams> & { interactionsPerMemberPerMonth: number } = {
    communityId: `sim${String(k + 1).padStart(4, "0")}`,
    name: `Simulated community ${k + 1}`,
    concern: random.pick(concerns),
    seed: random.int(2 ** 31),
    start,
    end,
    initialMembers: members - grown,
    growth: grown / months,
    churn: random.between(0, 0.04),
    sectorMix,
    ...(random.chance(0.5) && { attributes: { office: { north: 2, south: 1, east: 1 } } }),
    homophily: random.between(0, 0.9),
    reciprocity: random.between(0, 0.9),
    roleSwitching: random.between(0, 0.6),
    gatheringsPerMonth: random.between(1, 4) * Math.sqrt(members / 20),
    gatheringSize: { min: random.intBetween(2, 4), max: random.intBetween(6, 20) },
    retractionRate: random.between(0, 0.02),
    profileChangeRate: random.between(0, 0.02),
    burstiness: random.between(0.2, 1),
    interactionsPerMemberPerMonth: 1,
  };
  const { fixed, perRate } = expectedEventCount(resolveParams(params));
  params.interactionsPerMemberPerMonth = Math.max(0.05, (HEADROOM * target - fixed) / perRate);
  return params;
}
