// The three CSV file kinds and their fixed columns: one source for the parser, the templates
// and docs/formats.md, so they cannot drift apart.
import {
  gatheringFormats,
  interactionKinds,
  learningEnvironments,
  occupationalLayers,
  participantRoles,
  sectors,
} from "@copgraph/domain";

export const csvKinds = ["members", "interactions", "gatherings"] as const;
export type CsvKind = (typeof csvKinds)[number];

export interface CsvColumn {
  readonly name: string;
  readonly required: boolean;
  /** Allowed values, when the column takes a catalogue value. */
  readonly values?: readonly string[];
  /** Cells holding several values separated by `;`. */
  readonly list?: boolean;
  readonly description: string;
  readonly example: string;
}

const DATE = "date (2025-03-01, read as 00:00 UTC) or date-time with offset (2025-03-01T09:00:00+01:00)";

export const csvColumns: Readonly<Record<CsvKind, readonly CsvColumn[]>> = {
  members: [
    { name: "memberId", required: true, description: "the member's id, unique in the community", example: "m001" },
    { name: "displayName", required: true, description: "name shown to support staff", example: "Ada Jansen" },
    {
      name: "sector",
      required: true,
      values: sectors,
      description: "context the member comes from",
      example: "education",
    },
    {
      name: "occupationalLayer",
      required: true,
      values: occupationalLayers,
      description: "position in their organisation",
      example: "professional",
    },
    { name: "organisation", required: false, description: "employer or school", example: "Noorderpoort College" },
    {
      name: "learningEnvironment",
      required: false,
      values: learningEnvironments,
      description: "where their learning sits",
      example: "formal",
    },
    { name: "joinedAt", required: true, description: `when they joined: ${DATE}`, example: "2025-01-15" },
  ],
  interactions: [
    {
      name: "interactionId",
      required: false,
      description: "unique id; left empty, one is derived from the row's content",
      example: "i-2025-001",
    },
    {
      name: "kind",
      required: true,
      values: interactionKinds,
      description: "what happened; directed unless collaboration",
      example: "advice",
    },
    { name: "from", required: true, description: "memberId of the giver", example: "m001" },
    {
      name: "to",
      required: true,
      list: true,
      description: "memberIds of the receivers, separated by ;",
      example: "m002;m003",
    },
    {
      name: "occurredAt",
      required: true,
      description: `when it happened: ${DATE}`,
      example: "2025-02-03T14:00:00+01:00",
    },
    { name: "format", required: false, values: gatheringFormats, description: "setting", example: "online" },
    {
      name: "topics",
      required: false,
      list: true,
      description: "up to 20 topics, separated by ;",
      example: "nutrition;sport",
    },
    { name: "weight", required: false, description: "strength, 0 < weight <= 1000 (empty: 1)", example: "1" },
    {
      name: "notes",
      required: false,
      description: "free text (personal data: left out of research exports)",
      example: "",
    },
  ],
  gatherings: [
    {
      name: "gatheringId",
      required: true,
      description: "id of the gathering; its rows are grouped by it",
      example: "g-2025-01",
    },
    {
      name: "occurredAt",
      required: true,
      description: `when it took place: ${DATE}`,
      example: "2025-02-10T10:00:00+01:00",
    },
    {
      name: "format",
      required: true,
      values: gatheringFormats,
      description: "style of the gathering",
      example: "workshop",
    },
    { name: "place", required: false, description: "where", example: "Makerspace Oost" },
    { name: "title", required: false, description: "what it was called", example: "Healthy canteen design sprint" },
    { name: "durationMinutes", required: false, description: "whole minutes, 1 to 10080", example: "120" },
    {
      name: "topics",
      required: false,
      list: true,
      description: "up to 20 topics, separated by ;",
      example: "nutrition",
    },
    { name: "notes", required: false, description: "free text about the gathering", example: "" },
    { name: "memberId", required: true, description: "one participant per row", example: "m001" },
    {
      name: "role",
      required: true,
      values: participantRoles,
      description: "the participant's role",
      example: "facilitator",
    },
  ],
};

/** Gathering columns that describe the gathering (the same on each of its rows), not the participant. */
export const gatheringLevelColumns = [
  "occurredAt",
  "format",
  "place",
  "title",
  "durationMinutes",
  "topics",
  "notes",
] as const;
