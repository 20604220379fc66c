// Trust and value readings of a round: means given and received per member and per group, across
// versus within groups (E-I of trust ties), mutual trust, and the coalition-style scores.
// Definitions and sources: docs/survey-analytics.md. Ratings are pooled: a group's mean is over
// the ratings its members gave (or received), not a mean of member means.
import type { Value } from "../indicators/indicator.js";
import { pairsAmong } from "./pairs.js";
import {
  checkResponses,
  type MemberGroups,
  type PairRating,
  responseRate,
  type SurveyResponses,
  TRUST_TIE_THRESHOLD,
  trustDimensions,
  trustScore,
  valueDimensions,
  valueScore,
} from "./responses.js";

/** Means of the ratings one member or group gave and received, with their counts. */
export interface GivenReceived {
  readonly trustGiven: Value;
  readonly trustReceived: Value;
  readonly valueGiven: Value;
  readonly valueReceived: Value;
  readonly trustRatingsGiven: number;
  readonly trustRatingsReceived: number;
  readonly valueRatingsGiven: number;
  readonly valueRatingsReceived: number;
}

export interface TrustValueOptions {
  /** The attribute for across versus within (E-I of trust ties). Default "sector". */
  readonly attribute?: string;
  /** The attributes of `byGroup`. Default sector and occupationalLayer. */
  readonly groupAttributes?: readonly string[];
}

export interface TrustValueReadings {
  readonly rostered: number;
  readonly respondents: number;
  /** respondents / rostered; null for an empty roster. */
  readonly responseRate: Value;
  readonly network: {
    /** Coalition-style trust score of the network: mean over trust ratings of their dimensions' mean (1–4). */
    readonly trustScore: Value;
    /** The same for value. */
    readonly valueScore: Value;
    /** trustScore / 4 and valueScore / 4: shares of the highest possible score. */
    readonly trustShareOfMaximum: Value;
    readonly valueShareOfMaximum: Value;
    readonly trustRatings: number;
    readonly valueRatings: number;
    /** Mean of each dimension over the ratings that give it. */
    readonly dimensions: Readonly<Record<string, Value>>;
  };
  /** Every rostered member; `trustReceived` is the member's coalition-style trust score. */
  readonly byMember: Readonly<Record<string, GivenReceived>>;
  /** Attribute → group → means; members without a value for the attribute are left out. */
  readonly byGroup: Readonly<Record<string, Readonly<Record<string, GivenReceived>>>>;
  /** Ratings between members with values for `attribute`, split by same or different value. */
  readonly acrossWithin: {
    readonly attribute: string;
    readonly trustWithin: Value;
    readonly trustAcross: Value;
    readonly valueWithin: Value;
    readonly valueAcross: Value;
    /** Trust ties (score ≥ 3) inside one group (I) and across groups (E). */
    readonly internalTrustTies: number;
    readonly externalTrustTies: number;
    /** (E − I) / (E + I) over trust ties; null without any. */
    readonly ei: Value;
  };
  /** Over pairs of respondents (both answered): pairs where both rate each other's trust ≥ 3. */
  readonly mutualTrust: {
    /** Pairs of respondents: the dyads used. */
    readonly dyads: number;
    readonly mutualDyads: number;
    /** Pairs with a trust tie one way only. */
    readonly oneWayDyads: number;
    /** mutual / (mutual + one-way); null without trust ties between respondents. */
    readonly value: Value;
    /** mutual / dyads; null with fewer than two respondents. */
    readonly shareOfDyads: Value;
  };
}

class Sums {
  trust = 0;
  trustCount = 0;
  value = 0;
  valueCount = 0;
  add(rating: PairRating): void {
    const trust = trustScore(rating.trust);
    if (trust !== null) {
      this.trust += trust;
      this.trustCount++;
    }
    const value = valueScore(rating.value);
    if (value !== null) {
      this.value += value;
      this.valueCount++;
    }
  }
  trustMean(): Value {
    return this.trustCount === 0 ? null : this.trust / this.trustCount;
  }
  valueMean(): Value {
    return this.valueCount === 0 ? null : this.value / this.valueCount;
  }
}

class GivenReceivedSums {
  readonly given = new Sums();
  readonly received = new Sums();
  reading(): GivenReceived {
    return {
      trustGiven: this.given.trustMean(),
      trustReceived: this.received.trustMean(),
      valueGiven: this.given.valueMean(),
      valueReceived: this.received.valueMean(),
      trustRatingsGiven: this.given.trustCount,
      trustRatingsReceived: this.received.trustCount,
      valueRatingsGiven: this.given.valueCount,
      valueRatingsReceived: this.received.valueCount,
    };
  }
}

function sumsFor<K>(map: Map<K, GivenReceivedSums>, key: K): GivenReceivedSums {
  let sums = map.get(key);
  if (!sums) {
    sums = new GivenReceivedSums();
    map.set(key, sums);
  }
  return sums;
}

function mean(sum: number, count: number): Value {
  return count === 0 ? null : sum / count;
}

export function trustValueReadings(
  responses: SurveyResponses,
  groups: MemberGroups,
  options: TrustValueOptions = {},
): TrustValueReadings {
  checkResponses(responses);
  const attribute = options.attribute ?? "sector";
  const groupAttributes = options.groupAttributes ?? ["sector", "occupationalLayer"];
  const groupOf = (member: string, name: string) => groups.get(member)?.[name];

  const network = new Sums();
  const dimensionSums: Record<string, number> = {};
  const dimensionCounts: Record<string, number> = {};
  const addDimensions = (ratings: object | undefined, dimensions: readonly string[]) => {
    for (const d of dimensions) {
      const given = (ratings as Record<string, number | undefined> | undefined)?.[d];
      if (given === undefined) continue;
      dimensionSums[d] = (dimensionSums[d] ?? 0) + given;
      dimensionCounts[d] = (dimensionCounts[d] ?? 0) + 1;
    }
  };
  const byMember = new Map<string, GivenReceivedSums>(responses.roster.map((id) => [id, new GivenReceivedSums()]));
  const byGroup = new Map<string, Map<string, GivenReceivedSums>>(groupAttributes.map((name) => [name, new Map()]));
  const within = new Sums();
  const across = new Sums();
  let internalTrustTies = 0;
  let externalTrustTies = 0;
  const trustTies = new Set<string>();

  for (const rating of responses.ratings) {
    network.add(rating);
    addDimensions(rating.trust, trustDimensions);
    addDimensions(rating.value, valueDimensions);
    byMember.get(rating.from)!.given.add(rating);
    byMember.get(rating.to)!.received.add(rating);
    for (const [name, perGroup] of byGroup) {
      const giver = groupOf(rating.from, name);
      const receiver = groupOf(rating.to, name);
      if (giver !== undefined) sumsFor(perGroup, giver).given.add(rating);
      if (receiver !== undefined) sumsFor(perGroup, receiver).received.add(rating);
    }
    const isTrustTie = (trustScore(rating.trust) ?? 0) >= TRUST_TIE_THRESHOLD;
    if (isTrustTie) trustTies.add(`${rating.from}\u0000${rating.to}`);
    const a = groupOf(rating.from, attribute);
    const b = groupOf(rating.to, attribute);
    if (a === undefined || b === undefined) continue;
    (a === b ? within : across).add(rating);
    if (isTrustTie) {
      if (a === b) internalTrustTies++;
      else externalTrustTies++;
    }
  }

  const respondents = responses.respondents;
  let mutualDyads = 0;
  let oneWayDyads = 0;
  for (let i = 0; i < respondents.length; i++) {
    for (let j = i + 1; j < respondents.length; j++) {
      const forward = trustTies.has(`${respondents[i]}\u0000${respondents[j]}`);
      const backward = trustTies.has(`${respondents[j]}\u0000${respondents[i]}`);
      if (forward && backward) mutualDyads++;
      else if (forward || backward) oneWayDyads++;
    }
  }
  const dyads = pairsAmong(respondents.length);
  const trustMean = network.trustMean();
  const valueMean = network.valueMean();
  const dimensions: Record<string, Value> = {};
  for (const d of [...trustDimensions, ...valueDimensions]) {
    dimensions[d] = mean(dimensionSums[d] ?? 0, dimensionCounts[d] ?? 0);
  }
  const trustTieCount = internalTrustTies + externalTrustTies;

  return {
    rostered: responses.roster.length,
    respondents: respondents.length,
    responseRate: responseRate(responses),
    network: {
      trustScore: trustMean,
      valueScore: valueMean,
      trustShareOfMaximum: trustMean === null ? null : trustMean / 4,
      valueShareOfMaximum: valueMean === null ? null : valueMean / 4,
      trustRatings: network.trustCount,
      valueRatings: network.valueCount,
      dimensions,
    },
    byMember: Object.fromEntries([...byMember].map(([id, sums]) => [id, sums.reading()])),
    byGroup: Object.fromEntries(
      [...byGroup].map(([name, perGroup]) => [
        name,
        Object.fromEntries([...perGroup].map(([group, sums]) => [group, sums.reading()])),
      ]),
    ),
    acrossWithin: {
      attribute,
      trustWithin: within.trustMean(),
      trustAcross: across.trustMean(),
      valueWithin: within.valueMean(),
      valueAcross: across.valueMean(),
      internalTrustTies,
      externalTrustTies,
      ei: trustTieCount === 0 ? null : (externalTrustTies - internalTrustTies) / trustTieCount,
    },
    mutualTrust: {
      dyads,
      mutualDyads,
      oneWayDyads,
      value: mutualDyads + oneWayDyads === 0 ? null : mutualDyads / (mutualDyads + oneWayDyads),
      shareOfDyads: dyads === 0 ? null : mutualDyads / dyads,
    },
  };
}
