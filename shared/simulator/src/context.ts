// What the record makers (interactions, gatherings, retractions) share during one simulation:
// the parameters, the planned members, who is active now, the event log and the random streams.
// Each concern draws from its own stream, and always the same number of draws per record, so
// changing one parameter (say ρ) leaves every other draw (partners, roles, times) as it was.
import { type InteractionKind, interactionKinds, isMutualKind, type Sector, sectors } from "@copgraph/domain";
import { ActiveMembers } from "./active-members.js";
import { EventLog, Phase } from "./event-log.js";
import type { PlannedMember } from "./members.js";
import { retractionReasons } from "./names.js";
import type { ResolvedSimulationParams } from "./params.js";
import { Random } from "./random.js";
import { DAY_MS, HOUR_MS, isoAt } from "./time.js";
import { WeightedPicker } from "./weights.js";

export interface SimulationContext {
  readonly p: ResolvedSimulationParams;
  readonly members: readonly PlannedMember[];
  readonly active: ActiveMembers;
  readonly log: EventLog;
  readonly random: {
    readonly interactions: Random;
    readonly returns: Random;
    readonly gatherings: Random;
    readonly roles: Random;
    readonly retractions: Random;
  };
  readonly kinds: WeightedPicker<InteractionKind>;
  /** Kinds a return interaction takes: the directed part of the kind mix (null when it has none). */
  readonly returnKinds: WeightedPicker<InteractionKind> | null;
  nextInteractionId(): string;
  nextGatheringId(): string;
  /** With probability retractionRate, retracts the record within 30 days (if that is still by `end`). */
  maybeRetract(recordId: string, at: number): void;
}

/** Sector → group number of the active-member index. */
export const sectorGroup = new Map<Sector, number>(sectors.map((sector, i) => [sector, i]));

const RETRACT_MIN_MS = HOUR_MS;
const RETRACT_MAX_MS = 30 * DAY_MS;

export function createContext(p: ResolvedSimulationParams, members: readonly PlannedMember[]): SimulationContext {
  const log = new EventLog();
  const random = {
    interactions: Random.derive(p.seed, "interactions"),
    returns: Random.derive(p.seed, "returns"),
    gatherings: Random.derive(p.seed, "gatherings"),
    roles: Random.derive(p.seed, "roles"),
    retractions: Random.derive(p.seed, "retractions"),
  };
  const directed = Object.fromEntries(
    Object.entries(p.kindMix).filter(([kind]) => !isMutualKind(kind as InteractionKind)),
  ) as Partial<Record<InteractionKind, number>>;
  const hasDirected = Object.values(directed).some((weight) => (weight ?? 0) > 0);
  let interactions = 0;
  let gatherings = 0;
  return {
    p,
    members,
    active: new ActiveMembers(members.length, sectors.length),
    log,
    random,
    kinds: new WeightedPicker(p.kindMix, interactionKinds),
    returnKinds: hasDirected ? new WeightedPicker(directed, interactionKinds) : null,
    nextInteractionId: () => `i${++interactions}`,
    nextGatheringId: () => `g${++gatherings}`,
    maybeRetract(recordId, at) {
      const r = random.retractions;
      // All three draws always happen, so the stream stays aligned whatever the rate.
      const retract = r.chance(p.retractionRate);
      const when = Math.floor(at + r.between(RETRACT_MIN_MS, RETRACT_MAX_MS));
      const reason = r.pick(retractionReasons);
      if (!retract || when > p.end) return;
      log.push(when, Phase.retract, { type: "RecordRetracted", data: { recordId, reason, occurredAt: isoAt(when) } });
    },
  };
}
