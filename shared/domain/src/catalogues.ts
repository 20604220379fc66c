// Fixed catalogues keep indicators comparable across communities and time windows.
// Changing a list changes what stored events mean: bump CATALOGUE_VERSION and migrate.
import { z } from "zod";

export const CATALOGUE_VERSION = 1;

export const sectors = [
  "education",
  "higher-education",
  "business",
  "public-authority",
  "civil-society",
  "health",
  "research",
  "other",
] as const;
export const Sector = z.enum(sectors);
export type Sector = z.infer<typeof Sector>;

export const occupationalLayers = ["student", "professional", "management", "director", "other"] as const;
export const OccupationalLayer = z.enum(occupationalLayers);
export type OccupationalLayer = z.infer<typeof OccupationalLayer>;

const layerRanks: Record<OccupationalLayer, number | null> = {
  student: 0,
  professional: 1,
  management: 2,
  director: 3,
  other: null,
};

/** Ordinal rank of a layer; `other` has none and is left out of ordinal comparisons. */
export function layerRank(layer: OccupationalLayer): number | null {
  return layerRanks[layer];
}

export const learningEnvironments = ["formal", "non-formal", "informal"] as const;
export const LearningEnvironment = z.enum(learningEnvironments);
export type LearningEnvironment = z.infer<typeof LearningEnvironment>;

/** Directed kinds: the source gives, the targets receive. `collaboration` is mutual. */
export const interactionKinds = [
  "advice",
  "knowledge-sharing",
  "mentoring",
  "feedback",
  "introduction",
  "collaboration",
] as const;
export const InteractionKind = z.enum(interactionKinds);
export type InteractionKind = z.infer<typeof InteractionKind>;

/** Tie layers of the relationship graph: each interaction kind, `led` (gathering giver → receiver) and `co-attendance`. */
export const tieLayers = [...interactionKinds, "led", "co-attendance"] as const;
export const TieLayer = z.enum(tieLayers);
export type TieLayer = z.infer<typeof TieLayer>;

export function isMutualKind(kind: InteractionKind): boolean {
  return kind === "collaboration";
}

export const gatheringFormats = [
  "workshop",
  "meeting",
  "makerspace",
  "online",
  "site-visit",
  "conference",
  "informal",
  "other",
] as const;
export const GatheringFormat = z.enum(gatheringFormats);
export type GatheringFormat = z.infer<typeof GatheringFormat>;

export const participantRoles = [
  "facilitator",
  "presenter",
  "host",
  "mentor",
  "participant",
  "co-creator",
  "learner",
  "mentee",
  "observer",
] as const;
export const ParticipantRole = z.enum(participantRoles);
export type ParticipantRole = z.infer<typeof ParticipantRole>;

/** Direction class of a role: a gathering's `led` ties run from givers to receivers. */
export const roleClasses = ["giver", "peer", "receiver"] as const;
export const RoleClass = z.enum(roleClasses);
export type RoleClass = z.infer<typeof RoleClass>;

const roleClassOf: Record<ParticipantRole, RoleClass> = {
  facilitator: "giver",
  presenter: "giver",
  host: "giver",
  mentor: "giver",
  participant: "peer",
  "co-creator": "peer",
  learner: "receiver",
  mentee: "receiver",
  observer: "receiver",
};

export function roleClass(role: ParticipantRole): RoleClass {
  return roleClassOf[role];
}

/** Lookup by attribute name, e.g. to know K (the number of categories) for an indicator. */
export const catalogues = {
  sector: sectors,
  occupationalLayer: occupationalLayers,
  learningEnvironment: learningEnvironments,
  interactionKind: interactionKinds,
  gatheringFormat: gatheringFormats,
  participantRole: participantRoles,
} as const;
export type CatalogueName = keyof typeof catalogues;
