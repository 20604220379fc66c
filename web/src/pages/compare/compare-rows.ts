// The rows of the comparison: the same indicators for every community, each read against that
// community's own baseline, so a small and a large community compare fairly.

export type GroupAttribute = "sector" | "occupationalLayer";

export const groupAttributes: readonly { value: GroupAttribute; label: string; plural: string; k: number }[] = [
  { value: "sector", label: "sector", plural: "sectors", k: 8 },
  { value: "occupationalLayer", label: "occupational layer", plural: "occupational layers", k: 5 },
];

export interface CompareRow {
  readonly indicator: string;
  /** The field's words; `{groups}` is replaced by "sectors" or "occupational layers". */
  readonly label: string;
  /** True when the value depends on the grouping attribute. */
  readonly byGroup?: boolean;
  /** How the API's baseline is named next to the value. */
  readonly baselineLabel?: string;
  /** A fixed point of reference from the definition, for indicators without an API baseline. */
  reference?(k: number): string;
}

export const compareRows: readonly CompareRow[] = [
  {
    indicator: "silo.ei",
    label: "Mixing across {groups}",
    byGroup: true,
    baselineLabel: "random mixing",
  },
  {
    indicator: "silo.ei_expected",
    label: "Mixing that random choice would give",
    byGroup: true,
  },
  {
    // A correlation, not a share of ties: 0.48 can go with 68% of ties inside one group.
    indicator: "silo.assortativity",
    label: "Preference for ties within {groups}",
    byGroup: true,
    reference: () => "0 random mixing, 1 only within",
  },
  {
    indicator: "diversity.blau",
    label: "Diversity of {groups}",
    byGroup: true,
    reference: (k) => `most even ${(1 - 1 / k).toFixed(2)}`,
  },
  {
    indicator: "diversity.iqv",
    label: "Diversity of {groups}, normalised",
    byGroup: true,
    reference: () => "even spread 1",
  },
  {
    indicator: "reciprocity.edge",
    label: "Ties returned",
    baselineLabel: "chance",
  },
  {
    indicator: "reciprocity.dyadic",
    label: "Pairs with ties both ways",
    baselineLabel: "chance",
  },
  {
    indicator: "reciprocity.rho",
    label: "Returns beyond chance",
    baselineLabel: "chance",
  },
  {
    indicator: "roles.dual_role_share",
    label: "Members who both gave and received",
  },
  {
    indicator: "roles.switch_rate",
    label: "Role switching",
    reference: () => "no baseline",
  },
  {
    indicator: "network.density",
    label: "Density",
  },
  {
    // Not the current members of the picker: those who left but appear in a record count too.
    indicator: "network.members",
    label: "Members in the graph",
  },
];
