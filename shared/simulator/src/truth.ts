// The planted truth of a simulation: the parameters as planted, what was made, and what the
// indicators should read (expectations.ts). Computed from the events actually emitted (after any
// maxEvents cut), counting a record as the projection would: retracted records left out.
import { type CommunityEvent, type EventType, eventTypes, isMutualKind } from "@copgraph/domain";
import { type Draw, expectedArcs } from "./arc-expectation.js";
import { sectorGroup } from "./context.js";
import type { LoggedEvent } from "./event-log.js";
import {
  classChances,
  dualRoleChance,
  expectedEdgeReciprocity,
  expectedEi,
  expectedReturnedWithin,
  expectedSwitchRate,
} from "./expectations.js";
import type { PlannedMember } from "./members.js";
import type { ResolvedSimulationParams } from "./params.js";

export interface PlantedTruth {
  /** All parameters, defaults filled in. */
  readonly params: ResolvedSimulationParams;
  readonly planted: { readonly homophily: number; readonly reciprocity: number; readonly roleSwitching: number };
  readonly counts: {
    readonly events: number;
    readonly byType: Readonly<Record<EventType, number>>;
    /** Members who joined. */
    readonly members: number;
    /** InteractionRecorded events, returns included. */
    readonly interactions: number;
    /** Of which return interactions (planted reciprocity). */
    readonly returns: number;
    readonly gatherings: number;
    readonly participations: number;
    /** Records retracted (RecordRetracted events). */
    readonly retracted: number;
  };
  /**
   * Expected indicator values under the plant, over the non-retracted records, read at `end`
   * with every event known. `ei` and the reciprocity values concern the interaction layers only
   * (project with `layers: interactionKinds`); null where undefined (no such records).
   */
  readonly expected: {
    /** silo.ei by sector, over distinct arcs (see arc-expectation.ts). */
    readonly ei: number | null;
    /** E-I over interactions, each counted: 1 − 2·mean p_in (see expectedEi); ei's sparse limit. */
    readonly eiInteractions: number | null;
    /** The same with h = 0: what random mixing of these senders would give. */
    readonly eiRandomMixing: number | null;
    /** reciprocity.edge on the interaction layers, over distinct arcs (see arc-expectation.ts). */
    readonly edgeReciprocity: number | null;
    /** Its sparse limit (2C + 2ρD)/(2C + D + ρD) (see expectedEdgeReciprocity). */
    readonly edgeReciprocitySparse: number | null;
    /** reciprocity.returned_within for any Δ ≥ returnDelayDays.max (the default 30 days qualifies). */
    readonly returnedWithin: number | null;
    /** roles.switch_rate = 2s − 1.5s² (null without two participations by one member). */
    readonly switchRate: number | null;
    /** roles.dual_role_share: mean over active members of their dual-role chance. */
    readonly dualRoleShare: number | null;
  };
  /** True when maxEvents cut the history short. */
  readonly truncated: boolean;
}

interface MemberActivity {
  active: boolean;
  gave: boolean;
  received: boolean;
  participations: number;
}

export function plantedTruth(
  p: ResolvedSimulationParams,
  members: readonly PlannedMember[],
  kept: readonly LoggedEvent[],
  truncated: boolean,
): PlantedTruth {
  const byType = Object.fromEntries(eventTypes.map((type) => [type, 0])) as Record<EventType, number>;
  const retracted = new Set<string>();
  for (const { event } of kept) {
    byType[event.type]++;
    if (event.type === "RecordRetracted") retracted.add(event.data.recordId);
  }
  const indexOf = new Map(members.map((m) => [m.memberId, m.index]));
  const activity: MemberActivity[] = members.map(() => ({
    active: false,
    gave: false,
    received: false,
    participations: 0,
  }));
  const of = (memberId: string) => activity[indexOf.get(memberId)!]!;
  let returns = 0;
  let participations = 0;
  let interactions = 0;
  let sumInternal = 0;
  let sumInternalRandom = 0;
  let directed = 0;
  let mutual = 0;
  let transitions = 0;
  const draws: Draw[] = [];
  for (const { event, meta } of kept) {
    if (event.type === "InteractionRecorded" && meta?.returnOf) returns++;
    if (event.type === "GatheringHeld") participations += event.data.participants.length;
    if (!isCountedRecord(event, retracted)) continue;
    if (event.type === "InteractionRecorded") {
      interactions++;
      sumInternal += meta?.pInternal ?? 0;
      sumInternalRandom += meta?.pInternalRandom ?? 0;
      const isMutual = isMutualKind(event.data.kind);
      if (meta?.returnOf === null) {
        if (isMutual) mutual++;
        else directed++;
        const back = isMutual ? 1 : p.reciprocity;
        draws.push({ sender: indexOf.get(event.data.from)!, aIn: meta.aIn, aOut: meta.aOut, back });
      }
      of(event.data.from).active = true;
      if (!isMutual) of(event.data.from).gave = true;
      for (const to of event.data.to) {
        of(to).active = true;
        if (!isMutual) of(to).received = true;
      }
    } else if (event.type === "GatheringHeld") {
      for (const { memberId } of event.data.participants) {
        const member = of(memberId);
        member.active = true;
        member.participations++;
        if (member.participations >= 2) transitions++;
      }
    }
  }
  const arcs = draws.length === 0 ? null : expectedArcs(finalGroups(members, byType.MemberJoined), draws);
  let activeCount = 0;
  let dualSum = 0;
  activity.forEach((member, i) => {
    if (!member.active) return;
    activeCount++;
    const chances = classChances(members[i]!.habitual, p.roleSwitching);
    dualSum += dualRoleChance(member.participations, chances, member.gave, member.received);
  });
  return {
    params: p,
    planted: { homophily: p.homophily, reciprocity: p.reciprocity, roleSwitching: p.roleSwitching },
    counts: {
      events: kept.length,
      byType,
      members: byType.MemberJoined,
      interactions: byType.InteractionRecorded,
      returns,
      gatherings: byType.GatheringHeld,
      participations,
      retracted: byType.RecordRetracted,
    },
    expected: {
      ei: arcs === null ? null : (arcs.external - arcs.internal) / (arcs.external + arcs.internal),
      eiInteractions: interactions === 0 ? null : expectedEi(sumInternal / interactions),
      eiRandomMixing: interactions === 0 ? null : expectedEi(sumInternalRandom / interactions),
      edgeReciprocity: arcs === null ? null : arcs.reciprocated / (arcs.external + arcs.internal),
      edgeReciprocitySparse: expectedEdgeReciprocity(p.reciprocity, directed, mutual),
      returnedWithin: directed === 0 ? null : expectedReturnedWithin(p.reciprocity),
      switchRate: transitions === 0 ? null : expectedSwitchRate(p.roleSwitching),
      dualRoleShare: activeCount === 0 ? null : dualSum / activeCount,
    },
    truncated,
  };
}

function isCountedRecord(event: CommunityEvent, retracted: ReadonlySet<string>): boolean {
  if (event.type === "InteractionRecorded") return !retracted.has(event.data.interactionId);
  if (event.type === "GatheringHeld") return !retracted.has(event.data.gatheringId);
  return false;
}

/** Sector group of each of the first `joined` members at the end (joins are in member order). */
function finalGroups(members: readonly PlannedMember[], joined: number): number[] {
  return members.slice(0, joined).map((member) => {
    let sector = member.joined.sector;
    for (const change of member.changes) if (change.sector !== undefined) sector = change.sector;
    return sectorGroup.get(sector)!;
  });
}
