// The knobs of a simulated community, their defaults, and their validation (RangeError).
import type {
  GatheringFormat,
  InteractionKind,
  LearningEnvironment,
  OccupationalLayer,
  RoleClass,
  Sector,
} from "@copgraph/domain";
import { DAY_MS } from "./time.js";
import type { Weights } from "./weights.js";

/** An inclusive range. */
export interface Range {
  readonly min: number;
  readonly max: number;
}

/** Every field is optional; see `defaultSimulationParams` and the README for what each means. */
export interface SimulationParams {
  /** Community id (letters, digits, `_`, `.`; no `-`). */
  readonly communityId?: string;
  readonly name?: string;
  /** The shared concern the community forms around. */
  readonly concern?: string;
  readonly description?: string;
  /** Seed of every random draw: same parameters and seed, same events. */
  readonly seed?: number;
  /** Valid-time span (ms since epoch): registration at `start`, nothing after `end`. */
  readonly start?: number;
  readonly end?: number;
  /** Members who join within the first day. */
  readonly initialMembers?: number;
  /** New members per 30 days (a Poisson process over the span). */
  readonly growth?: number;
  /** Probability that a member leaves within any 30 days (constant hazard), in [0, 1). */
  readonly churn?: number;
  readonly sectorMix?: Weights<Sector>;
  readonly layerMix?: Weights<OccupationalLayer>;
  readonly learningEnvironmentMix?: Weights<LearningEnvironment>;
  /** Custom categorical attributes: name → category weights, e.g. `{ office: { north: 2, south: 1 } }`. */
  readonly attributes?: Readonly<Record<string, Weights>>;
  /** h ∈ [0, 1]: probability that an interaction partner is drawn from the sender's sector, else from everyone. */
  readonly homophily?: number;
  /**
   * Homophily at `end`, when it changes over the history (a silo forming or dissolving): h moves in
   * a straight line from `homophily` at `start` to this. Unset: h stays `homophily`.
   */
  readonly homophilyEnd?: number;
  /** ρ ∈ [0, 1]: probability that a directed interaction is answered by a return interaction. */
  readonly reciprocity?: number;
  /** Delay of a return interaction, in days. */
  readonly returnDelayDays?: Range;
  /** s ∈ [0, 1]: probability that at a gathering a member takes a role outside their habitual class. */
  readonly roleSwitching?: number;
  /** Shares of members whose habitual role class is giver, peer or receiver. */
  readonly habitualClassMix?: Weights<RoleClass>;
  /** Interactions each active member starts per 30 days (returns come on top). */
  readonly interactionsPerMemberPerMonth?: number;
  readonly kindMix?: Weights<InteractionKind>;
  /** Gatherings per 30 days (whole community). */
  readonly gatheringsPerMonth?: number;
  /** Participants per gathering (capped by the members active then). */
  readonly gatheringSize?: Range;
  readonly formatMix?: Weights<GatheringFormat>;
  /** Topics gatherings are about (titles and `topics`); empty: none. */
  readonly topics?: readonly string[];
  /** Share of interactions and gatherings retracted later (within 30 days), in [0, 1]. */
  readonly retractionRate?: number;
  /** Probability that a member changes sector or layer within any 30 days, in [0, 1). */
  readonly profileChangeRate?: number;
  /** Log-scale sd of weekly activity (0: steady weeks; 0.5: busy and quiet weeks). */
  readonly burstiness?: number;
  /** Keep only the first `maxEvents` events (a time-ordered prefix is still a valid history). */
  readonly maxEvents?: number;
}

export type ResolvedSimulationParams = Required<
  Omit<SimulationParams, "description" | "maxEvents" | "homophilyEnd">
> & {
  readonly description: string | null;
  readonly maxEvents: number | null;
  readonly homophilyEnd: number | null;
};

export const defaultSimulationParams: ResolvedSimulationParams = {
  communityId: "simulated",
  name: "Simulated community",
  concern: "Healthy lifestyle: sharing practice across schools, services and businesses",
  description: null,
  seed: 1,
  start: Date.UTC(2024, 0, 1),
  end: Date.UTC(2025, 0, 1),
  initialMembers: 40,
  growth: 2,
  churn: 0.02,
  sectorMix: {
    education: 0.2,
    "higher-education": 0.15,
    business: 0.2,
    "public-authority": 0.15,
    "civil-society": 0.15,
    health: 0.1,
    research: 0.05,
  },
  layerMix: { student: 0.15, professional: 0.5, management: 0.2, director: 0.1, other: 0.05 },
  learningEnvironmentMix: { formal: 0.4, "non-formal": 0.35, informal: 0.25 },
  attributes: {},
  homophily: 0.3,
  homophilyEnd: null,
  reciprocity: 0.3,
  returnDelayDays: { min: 1, max: 14 },
  roleSwitching: 0.2,
  habitualClassMix: { giver: 0.2, peer: 0.5, receiver: 0.3 },
  interactionsPerMemberPerMonth: 2,
  kindMix: {
    advice: 0.3,
    "knowledge-sharing": 0.3,
    mentoring: 0.1,
    feedback: 0.15,
    introduction: 0.05,
    collaboration: 0.1,
  },
  gatheringsPerMonth: 4,
  gatheringSize: { min: 3, max: 12 },
  formatMix: { workshop: 0.3, meeting: 0.3, online: 0.2, informal: 0.1, makerspace: 0.05, "site-visit": 0.05 },
  topics: ["healthy food", "movement", "sleep", "stress", "screen time", "outdoor play", "peer coaching"],
  retractionRate: 0.01,
  profileChangeRate: 0.01,
  burstiness: 0.5,
  maxEvents: null,
};

/** Earliest and latest dates accepted: four-digit years, so every occurredAt is a plain ISO string. */
export const EARLIEST_MS = Date.UTC(1000, 0, 1);
export const LATEST_MS = Date.UTC(9999, 11, 31);
export const MAX_RETURN_DELAY_MS = 365 * DAY_MS;
export const MAX_SPAN_MS = 36_525 * DAY_MS;

/** Homophily at time `at`: `homophily` throughout, or on its straight line to `homophilyEnd`. */
export function homophilyAt(p: ResolvedSimulationParams, at: number): number {
  if (p.homophilyEnd === null) return p.homophily;
  const progress = Math.min(1, Math.max(0, (at - p.start) / (p.end - p.start)));
  return p.homophily + (p.homophilyEnd - p.homophily) * progress;
}
