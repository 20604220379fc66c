// Member lifecycles, planned before any interaction: who joins when (initial members on the first
// day, then a Poisson process of `growth` per 30 days), when each leaves (constant hazard from
// `churn`), and when their sector or layer changes. Planning leaves ahead lets a return
// interaction be placed before either member has gone.
import {
  type EventDataOf,
  learningEnvironments,
  type OccupationalLayer,
  occupationalLayers,
  type RoleClass,
  roleClasses,
  type Sector,
  sectors,
} from "@copgraph/domain";
import { leaveReasons, NameBook, organisationFor } from "./names.js";
import type { ResolvedSimulationParams } from "./params.js";
import { Random } from "./random.js";
import { DAY_MS, hazardPerMs, isoAt, MONTH_MS } from "./time.js";
import { WeightedPicker } from "./weights.js";

/** A planned profile change: one field takes a new value at `at`. */
export interface PlannedChange {
  readonly at: number;
  readonly sector?: Sector;
  readonly occupationalLayer?: OccupationalLayer;
}

export interface PlannedMember {
  /** Position in join order; also the member's index in the simulation's arrays. */
  readonly index: number;
  readonly memberId: string;
  readonly joinedAt: number;
  /** When the member leaves (ms), or null when they stay past `end`. */
  readonly leftAt: number | null;
  readonly leaveReason: string | null;
  readonly joined: EventDataOf<"MemberJoined">;
  /** The role class the member usually takes at gatherings. */
  readonly habitual: RoleClass;
  readonly changes: readonly PlannedChange[];
}

/** Share of members who name their organisation. */
const ORGANISATION_SHARE = 0.7;

export function planMembers(p: ResolvedSimulationParams): PlannedMember[] {
  const random = Random.derive(p.seed, "members");
  const names = new NameBook(Random.derive(p.seed, "names"));
  const sectorPicker = new WeightedPicker(p.sectorMix, sectors);
  const layerPicker = new WeightedPicker(p.layerMix, occupationalLayers);
  const environmentPicker = new WeightedPicker(p.learningEnvironmentMix, learningEnvironments);
  const classPicker = new WeightedPicker(p.habitualClassMix, roleClasses);
  const attributePickers = Object.entries(p.attributes).map(
    ([key, weights]) => [key, new WeightedPicker(weights, Object.keys(weights))] as const,
  );
  const leaveRate = hazardPerMs(p.churn);
  const changeRate = hazardPerMs(p.profileChangeRate);

  const joinTimes = plannedJoinTimes(p, random);
  return joinTimes.map((joinedAt, index) => {
    const memberId = `m${index + 1}`;
    const sector = sectorPicker.pick(random);
    const occupationalLayer = layerPicker.pick(random);
    const attributes: Record<string, string> = {};
    for (const [key, picker] of attributePickers) attributes[key] = picker.pick(random);
    const joined: EventDataOf<"MemberJoined"> = {
      memberId,
      displayName: names.nameFor(index),
      sector,
      occupationalLayer,
      ...(random.chance(ORGANISATION_SHARE) && { organisation: organisationFor(sector, random) }),
      learningEnvironment: environmentPicker.pick(random),
      ...(attributePickers.length > 0 && { attributes }),
      occurredAt: isoAt(joinedAt),
    };
    const leave = Math.floor(joinedAt + random.exponential(leaveRate));
    const leftAt = leave <= p.end ? Math.max(leave, joinedAt + 1) : null;
    const stopAt = Math.min(leftAt ?? p.end + 1, p.end + 1);
    const changes: PlannedChange[] = [];
    let current = { sector, occupationalLayer };
    for (let t = joinedAt + random.exponential(changeRate); t < stopAt; t += random.exponential(changeRate)) {
      const change = plannedChange(Math.floor(t), current, random, sectorPicker, layerPicker);
      if (change === null) continue;
      changes.push(change);
      current = { ...current, ...change };
    }
    return {
      index,
      memberId,
      joinedAt,
      leftAt,
      leaveReason: leftAt !== null && random.chance(0.5) ? random.pick(leaveReasons) : null,
      joined,
      habitual: classPicker.pick(random),
      changes,
    };
  });
}

/** Initial members within the first day (or the whole span if shorter), then growth; ascending. */
function plannedJoinTimes(p: ResolvedSimulationParams, random: Random): number[] {
  const times: number[] = [];
  const firstDay = Math.min(DAY_MS, p.end - p.start);
  for (let k = 0; k < p.initialMembers; k++) times.push(Math.floor(p.start + random.next() * firstDay));
  const rate = p.growth / MONTH_MS;
  for (let t = p.start + random.exponential(rate); t <= p.end; t += random.exponential(rate)) {
    times.push(Math.floor(t));
  }
  return times.sort((a, b) => a - b);
}

/** Sector or layer (a coin flip) takes another value of its mix; null when neither can change. */
function plannedChange(
  at: number,
  current: { sector: Sector; occupationalLayer: OccupationalLayer },
  random: Random,
  sectorPicker: WeightedPicker<Sector>,
  layerPicker: WeightedPicker<OccupationalLayer>,
): PlannedChange | null {
  const sectorFirst = random.chance(0.5);
  const sector = () => {
    const value = sectorPicker.pickOther(random, current.sector);
    return value === null ? null : { at, sector: value };
  };
  const layer = () => {
    const value = layerPicker.pickOther(random, current.occupationalLayer);
    return value === null ? null : { at, occupationalLayer: value };
  };
  return sectorFirst ? (sector() ?? layer()) : (layer() ?? sector());
}
