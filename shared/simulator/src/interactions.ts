// Interactions, where homophily and reciprocity are planted.
//
// Homophily h: the sender is an active member drawn uniformly; with probability h the partner is
// drawn uniformly from the other active members of the sender's current sector, otherwise (or when
// the sender is alone in their sector) uniformly from all other active members. So h = 0 is
// random mixing, and the chance that the tie is internal is
//   p_in = h·[n_g ≥ 2] + (1 − h)·(n_g − 1)/(N − 1)
// with N active members and n_g of them in the sender's sector at that moment.
//
// Reciprocity ρ: each directed interaction (not `collaboration`, which is mutual) is answered
// with probability ρ by a return interaction from the partner to the sender after a delay drawn
// uniformly from returnDelayDays. A return that would fall after `end` or after either member
// leaves is moved into the time left (at least a minute later); with less than a minute left it
// is dropped. Returns are not themselves returned.
import { type EventOf, isMutualKind } from "@copgraph/domain";
import type { SimulationContext } from "./context.js";
import { type InteractionMeta, Phase } from "./event-log.js";
import { homophilyAt } from "./params.js";
import { DAY_MS, isoAt, MINUTE_MS } from "./time.js";

type Odds = Omit<InteractionMeta, "returnOf">;

/** Makes an interaction at `at` (and maybe its return and retractions); nothing with fewer than two active members. */
export function interactionAt(ctx: SimulationContext, at: number): void {
  const { active, p, members } = ctx;
  const random = ctx.random.interactions;
  if (active.size < 2) return;
  // Always four draws: sender, homophily coin, partner, kind.
  const sender = active.pickAny(random)!;
  const group = active.groupOf(sender);
  const inGroup = group >= 0 ? active.groupSize(group) : 1;
  const homophily = homophilyAt(p, at);
  const homophilous = random.chance(homophily);
  const partner =
    homophilous && inGroup >= 2 ? active.pickInGroup(random, group, sender)! : active.pickAny(random, sender)!;
  const kind = ctx.kinds.pick(random);

  // Alone in their sector, the sender's homophilous draw falls back to everyone: h is 0 for them.
  const h = inGroup >= 2 ? homophily : 0;
  const others = active.size - 1;
  const pInternalRandom = (inGroup - 1) / others;
  const odds: Odds = {
    pInternal: h + (1 - h) * pInternalRandom,
    pInternalRandom,
    aIn: inGroup >= 2 ? h / (inGroup - 1) + (1 - h) / others : 0,
    aOut: (1 - h) / others,
  };
  const interactionId = ctx.nextInteractionId();
  const event: EventOf<"InteractionRecorded"> = {
    type: "InteractionRecorded",
    data: {
      interactionId,
      kind,
      from: members[sender]!.memberId,
      to: [members[partner]!.memberId],
      occurredAt: isoAt(at),
    },
  };
  ctx.log.push(at, Phase.record, event, { returnOf: null, ...odds });
  ctx.maybeRetract(interactionId, at);
  if (!isMutualKind(kind)) maybeReturn(ctx, at, sender, partner, interactionId, odds);
}

function maybeReturn(
  ctx: SimulationContext,
  at: number,
  sender: number,
  partner: number,
  returnOf: string,
  odds: Odds,
): void {
  const { p, members } = ctx;
  const random = ctx.random.returns;
  // Always three draws: coin, delay, kind.
  const returned = random.chance(p.reciprocity);
  const u = random.next();
  const kind = ctx.returnKinds!.pick(random);
  if (!returned) return;
  const latest = Math.min(p.end, leaveBound(members[sender]!.leftAt), leaveBound(members[partner]!.leftAt));
  const { min, max } = p.returnDelayDays;
  let when = Math.floor(at + (min + u * (max - min)) * DAY_MS);
  if (when > latest) {
    if (latest - at < MINUTE_MS) return;
    when = at + MINUTE_MS + Math.floor(u * (latest - at - MINUTE_MS));
  }
  const interactionId = ctx.nextInteractionId();
  const event: EventOf<"InteractionRecorded"> = {
    type: "InteractionRecorded",
    data: {
      interactionId,
      kind,
      from: members[partner]!.memberId,
      to: [members[sender]!.memberId],
      occurredAt: isoAt(when),
    },
  };
  ctx.log.push(when, Phase.record, event, { returnOf, ...odds });
  ctx.maybeRetract(interactionId, when);
}

/** Last instant a member is still active. */
function leaveBound(leftAt: number | null): number {
  return leftAt === null ? Number.POSITIVE_INFINITY : leftAt - 1;
}
