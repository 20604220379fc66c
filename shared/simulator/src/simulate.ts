// simulateCommunity: parameters → a valid, time-ordered event history and its planted truth.
// Plan the members, then sweep the days in order: each day's interactions and gatherings are
// drawn (Poisson counts from the activity calendar) and made against the members active at their
// instant. Linear in the number of events, apart from one final sort.
import type { CommunityEvent } from "@copgraph/domain";
import { activityCalendar, type Day, timesOn } from "./calendar.js";
import { createContext, type SimulationContext, sectorGroup } from "./context.js";
import { Phase } from "./event-log.js";
import { gatheringMaker } from "./gatherings.js";
import { interactionAt } from "./interactions.js";
import { type PlannedMember, planMembers } from "./members.js";
import type { SimulationParams } from "./params.js";
import { Random } from "./random.js";
import { resolveParams } from "./resolve-params.js";
import { DAY_MS, isoAt } from "./time.js";
import { type PlantedTruth, plantedTruth } from "./truth.js";

export interface Simulation {
  /** In an order the decider accepts: by occurredAt (stable), none after `end`. */
  readonly events: CommunityEvent[];
  readonly truth: PlantedTruth;
}

/** A member's change of state during the sweep, in time order. */
interface MembershipStep {
  readonly at: number;
  readonly phase: number;
  readonly member: number;
  readonly action: "join" | "sector" | "leave";
  /** Sector group to join or move to. */
  readonly group: number;
}

export function simulateCommunity(params: SimulationParams = {}): Simulation {
  const p = resolveParams(params);
  const members = planMembers(p);
  const ctx = createContext(p, members);
  registerAndPlanMembership(ctx);
  const steps = membershipSteps(members);
  const days = activityCalendar(p.start, p.end, p.burstiness, Random.derive(p.seed, "calendar"));
  const activeByDay = activeCounts(members, days);
  const random = Random.derive(p.seed, "times");
  const gatheringAt = gatheringMaker(ctx);
  let next = 0;
  const advanceTo = (t: number) => {
    for (; next < steps.length && steps[next]!.at <= t; next++) {
      const { member, action, group } = steps[next]!;
      if (action === "join") ctx.active.add(member, group);
      else if (action === "sector") ctx.active.setGroup(member, group);
      else ctx.active.remove(member);
    }
  };
  days.forEach((day, d) => {
    const activity = day.weight * day.fraction;
    const interactionTimes = timesOn(
      day,
      random.poisson((p.interactionsPerMemberPerMonth / 30) * activeByDay[d]! * activity),
      random,
    );
    const gatheringTimes = timesOn(day, random.poisson((p.gatheringsPerMonth / 30) * activity), random, true);
    let i = 0;
    let g = 0;
    while (i < interactionTimes.length || g < gatheringTimes.length) {
      const takeGathering = g < gatheringTimes.length && !(interactionTimes[i]! < gatheringTimes[g]!);
      const t = takeGathering ? gatheringTimes[g++]! : interactionTimes[i++]!;
      advanceTo(t);
      if (takeGathering) gatheringAt(t);
      else interactionAt(ctx, t);
    }
  });
  const sorted = ctx.log.sorted();
  const truncated = p.maxEvents !== null && sorted.length > p.maxEvents;
  const kept = truncated ? sorted.slice(0, p.maxEvents!) : sorted;
  return { events: kept.map((logged) => logged.event), truth: plantedTruth(p, members, kept, truncated) };
}

/** Logs the registration and every member's join, profile changes and leave. */
function registerAndPlanMembership(ctx: SimulationContext): void {
  const { p, log } = ctx;
  log.push(p.start, Phase.register, {
    type: "CommunityRegistered",
    data: {
      communityId: p.communityId,
      name: p.name,
      concern: p.concern,
      ...(p.description !== null && { description: p.description }),
      occurredAt: isoAt(p.start),
    },
  });
  for (const member of ctx.members) {
    log.push(member.joinedAt, Phase.join, { type: "MemberJoined", data: member.joined });
    for (const change of member.changes) {
      log.push(change.at, Phase.change, {
        type: "MemberProfileChanged",
        data: { memberId: member.memberId, ...changedFields(change), occurredAt: isoAt(change.at) },
      });
    }
    if (member.leftAt !== null) {
      log.push(member.leftAt, Phase.leave, {
        type: "MemberLeft",
        data: {
          memberId: member.memberId,
          occurredAt: isoAt(member.leftAt),
          ...(member.leaveReason !== null && { reason: member.leaveReason }),
        },
      });
    }
  }
}

function changedFields(change: PlannedMember["changes"][number]) {
  return change.sector !== undefined ? { sector: change.sector } : { occupationalLayer: change.occupationalLayer! };
}

function membershipSteps(members: readonly PlannedMember[]): MembershipStep[] {
  const steps: MembershipStep[] = [];
  for (const member of members) {
    const { index } = member;
    steps.push({
      at: member.joinedAt,
      phase: Phase.join,
      member: index,
      action: "join",
      group: group(member.joined.sector),
    });
    for (const change of member.changes) {
      if (change.sector === undefined) continue;
      steps.push({ at: change.at, phase: Phase.change, member: index, action: "sector", group: group(change.sector) });
    }
    if (member.leftAt !== null) {
      steps.push({ at: member.leftAt, phase: Phase.leave, member: index, action: "leave", group: -1 });
    }
  }
  return steps.sort((a, b) => a.at - b.at || a.phase - b.phase || a.member - b.member);
}

function group(sector: PlannedMember["joined"]["sector"]): number {
  return sectorGroup.get(sector)!;
}

/** Members active on each day (joined by its end, not left by its start): sets the day's interaction rate. */
function activeCounts(members: readonly PlannedMember[], days: readonly Day[]): number[] {
  const delta = new Array<number>(days.length + 1).fill(0);
  if (days.length === 0) return [];
  const firstDay = Math.floor(days[0]!.first / DAY_MS);
  const dayOf = (t: number) => Math.min(days.length, Math.max(0, Math.floor(t / DAY_MS) - firstDay));
  for (const member of members) {
    delta[dayOf(member.joinedAt)]!++;
    if (member.leftAt !== null) delta[dayOf(member.leftAt)]!--;
  }
  const counts: number[] = [];
  let running = 0;
  for (let d = 0; d < days.length; d++) {
    running += delta[d]!;
    counts.push(running);
  }
  return counts;
}
