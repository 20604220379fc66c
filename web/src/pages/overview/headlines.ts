import type { QueryParams } from "../../core/api.js";
import {
  type ReadingInput,
  readActive,
  readDiversity,
  readDualRoles,
  readMixing,
  readReciprocity,
} from "./readings.js";

/**
 * The overview's headline readings. Several use the same indicator with another query (sector
 * vs. occupational layer, or the last 90 days), so each query is fetched once for all of them.
 */
export type HeadlineQuery = "sector" | "layer" | "recent";

export const headlineQueries: Record<HeadlineQuery, QueryParams> = {
  sector: { attribute: "sector" },
  layer: { attribute: "occupationalLayer" },
  recent: { window: "P90D" },
};

export interface Headline {
  readonly indicator: string;
  readonly query: HeadlineQuery;
  /** The field's words; the technical name (the API's description) lives one click deeper. */
  readonly label: string;
  /** How the baseline is named next to the value, when the indicator has one. */
  readonly baselineLabel?: string;
  /** A fixed point of reference from the definition (not an API baseline). */
  readonly reference?: string;
  read(input: ReadingInput): string;
}

export const headlines: readonly Headline[] = [
  {
    indicator: "silo.ei",
    query: "sector",
    label: "Mixing across sectors",
    baselineLabel: "random mixing",
    read: readMixing,
  },
  {
    indicator: "diversity.iqv",
    query: "sector",
    label: "Sector diversity",
    reference: "1 = even spread",
    read: (input) => readDiversity(input, { one: "sector", many: "sectors" }),
  },
  {
    indicator: "diversity.iqv",
    query: "layer",
    label: "Occupational layer diversity",
    reference: "1 = even spread",
    read: (input) => readDiversity(input, { one: "occupational layer", many: "occupational layers" }),
  },
  {
    indicator: "reciprocity.dyadic",
    query: "sector",
    label: "Help flowing both ways",
    baselineLabel: "chance",
    read: readReciprocity,
  },
  {
    indicator: "roles.dual_role_share",
    query: "sector",
    label: "Giving and receiving",
    read: readDualRoles,
  },
  {
    indicator: "activity.active_members",
    query: "recent",
    label: "Members who took part, last 90 days",
    read: readActive,
  },
];

/** The indicator ids each query needs. */
export function indicatorsOf(query: HeadlineQuery): string[] {
  return [...new Set(headlines.filter((headline) => headline.query === query).map((h) => h.indicator))];
}
