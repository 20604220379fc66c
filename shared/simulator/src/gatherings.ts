// Gatherings, where role switching is planted (and homophily shapes who comes together).
//
// Participants: a host member drawn uniformly from the active members, then the others one at a
// time — with probability h from the host's sector, otherwise from everyone — without repeats.
//
// Role switching s: every member has a habitual role class (giver, peer or receiver; see
// habitualClassMix). At each gathering a member takes their habitual class with probability
// 1 − s, and otherwise one of the two other classes, each with probability s/2; the role is then
// drawn uniformly within the class (giver: facilitator, presenter, host, mentor; peer:
// participant, co-creator; receiver: learner, mentee, observer).
import {
  type EventOf,
  type GatheringFormat,
  gatheringFormats,
  type ParticipantRole,
  participantRoles,
  type RoleClass,
  roleClass,
} from "@copgraph/domain";
import type { SimulationContext } from "./context.js";
import { Phase } from "./event-log.js";
import { homophilyAt } from "./params.js";
import type { Random } from "./random.js";
import { isoAt } from "./time.js";
import { WeightedPicker } from "./weights.js";

const rolesOfClass: Readonly<Record<RoleClass, readonly ParticipantRole[]>> = {
  giver: participantRoles.filter((role) => roleClass(role) === "giver"),
  peer: participantRoles.filter((role) => roleClass(role) === "peer"),
  receiver: participantRoles.filter((role) => roleClass(role) === "receiver"),
};

const otherClasses: Readonly<Record<RoleClass, readonly [RoleClass, RoleClass]>> = {
  giver: ["peer", "receiver"],
  peer: ["giver", "receiver"],
  receiver: ["giver", "peer"],
};

/** Typical length of each format, in minutes. */
const durations: Readonly<Record<GatheringFormat, readonly [number, number]>> = {
  workshop: [90, 240],
  meeting: [45, 120],
  makerspace: [120, 240],
  online: [30, 90],
  "site-visit": [120, 300],
  conference: [240, 480],
  informal: [30, 120],
  other: [60, 120],
};

const formatLabels: Readonly<Record<GatheringFormat, string>> = {
  workshop: "Workshop",
  meeting: "Meeting",
  makerspace: "Makerspace session",
  online: "Online session",
  "site-visit": "Site visit",
  conference: "Conference",
  informal: "Informal meet-up",
  other: "Gathering",
};

/** Attempts to fill a gathering before settling for fewer participants (small communities). */
const ATTEMPTS_PER_SEAT = 20;

export function gatheringMaker(ctx: SimulationContext): (at: number) => void {
  const formats = new WeightedPicker(ctx.p.formatMix, gatheringFormats);
  return (at) => gatheringAt(ctx, formats, at);
}

function gatheringAt(ctx: SimulationContext, formats: WeightedPicker<GatheringFormat>, at: number): void {
  const { active, p, members } = ctx;
  const random = ctx.random.gatherings;
  if (active.size < 2) return;
  const size = Math.min(active.size, random.intBetween(p.gatheringSize.min, p.gatheringSize.max));
  const host = active.pickAny(random)!;
  const group = active.groupOf(host);
  const chosen = [host];
  const seen = new Set(chosen);
  for (let attempt = 0; chosen.length < size && attempt < ATTEMPTS_PER_SEAT * size; attempt++) {
    const candidate = random.chance(homophilyAt(p, at))
      ? active.pickInGroup(random, group, host)
      : active.pickAny(random, host);
    if (candidate === null || seen.has(candidate)) continue;
    seen.add(candidate);
    chosen.push(candidate);
  }
  if (chosen.length < 2) return;

  const format = formats.pick(random);
  const [shortest, longest] = durations[format];
  const durationMinutes = random.intBetween(shortest, longest);
  const topic = p.topics.length > 0 ? random.pick(p.topics) : null;
  const gatheringId = ctx.nextGatheringId();
  const event: EventOf<"GatheringHeld"> = {
    type: "GatheringHeld",
    data: {
      gatheringId,
      title: topic === null ? formatLabels[format] : `${formatLabels[format]}: ${topic}`,
      format,
      occurredAt: isoAt(at),
      durationMinutes,
      participants: chosen.map((m) => ({
        memberId: members[m]!.memberId,
        role: roleFor(members[m]!.habitual, p.roleSwitching, ctx.random.roles),
      })),
      ...(topic !== null && { topics: [topic] }),
    },
  };
  ctx.log.push(at, Phase.record, event);
  ctx.maybeRetract(gatheringId, at);
}

/** A role: the habitual class with probability 1 − s, else one of the other two; three draws always. */
export function roleFor(habitual: RoleClass, s: number, random: Random): ParticipantRole {
  const switches = random.chance(s);
  const which = random.next();
  const within = random.next();
  const cls = switches ? otherClasses[habitual][which < 0.5 ? 0 : 1] : habitual;
  const roles = rolesOfClass[cls];
  return roles[Math.floor(within * roles.length)]!;
}
