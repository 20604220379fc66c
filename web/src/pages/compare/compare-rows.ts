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
  /** The technical name and formula, one click deeper. */
  readonly technical: string;
  readonly kind: "index" | "count";
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
    technical: "E-I index (Krackhardt & Stern 1988): (E − I)/(E + I); −1 all ties inside groups, +1 all across.",
    kind: "index",
    byGroup: true,
    baselineLabel: "random mixing",
  },
  {
    indicator: "silo.ei_expected",
    label: "Mixing that random choice would give",
    technical: "Expected E-I under random mixing, 1 − 2π_in (Krackhardt & Stern 1988): the baseline of the row above.",
    kind: "index",
    byGroup: true,
  },
  {
    indicator: "silo.assortativity",
    label: "Ties within {groups}",
    technical: "Newman's assortativity (2003) on the directed mixing matrix; 0 is random mixing, 1 all within.",
    kind: "index",
    byGroup: true,
    reference: () => "random mixing 0",
  },
  {
    indicator: "diversity.blau",
    label: "Diversity of {groups}",
    technical: "Blau's index 1 − Σp² (Blau 1977); its most even value is 1 − 1/K for K categories.",
    kind: "index",
    byGroup: true,
    reference: (k) => `most even ${(1 - 1 / k).toFixed(2)}`,
  },
  {
    indicator: "diversity.iqv",
    label: "Diversity of {groups}, normalised",
    technical: "IQV = K/(K − 1)·(1 − Σp²) (Agresti & Agresti 1978): 1 is the even spread over all K categories.",
    kind: "index",
    byGroup: true,
    reference: () => "even spread 1",
  },
  {
    indicator: "reciprocity.edge",
    label: "Ties returned",
    technical: "Edge reciprocity (Wasserman & Faust 1994): reciprocated arcs / arcs; baseline the density ā.",
    kind: "index",
    baselineLabel: "chance",
  },
  {
    indicator: "reciprocity.dyadic",
    label: "Pairs with ties both ways",
    technical: "Dyadic reciprocity (Wasserman & Faust 1994): mutual / connected pairs; baseline ā/(2 − ā).",
    kind: "index",
    baselineLabel: "chance",
  },
  {
    indicator: "reciprocity.rho",
    label: "Returns beyond chance",
    technical: "Garlaschelli–Loffredo ρ (2004) = (r − ā)/(1 − ā): reciprocity adjusted for density; 0 is chance.",
    kind: "index",
    baselineLabel: "chance",
  },
  {
    indicator: "roles.dual_role_share",
    label: "Members who both gave and received",
    technical: "Dual-role share (copgraph): active members who held a giving and a receiving role.",
    kind: "index",
  },
  {
    indicator: "roles.switch_rate",
    label: "Role switching",
    technical: "Switch rate (copgraph): share of consecutive participations in another role class.",
    kind: "index",
  },
  {
    indicator: "network.density",
    label: "Density",
    technical: "L / (N(N − 1)): larger communities are naturally sparser; compare similar sizes.",
    kind: "index",
  },
  {
    indicator: "network.members",
    label: "Members",
    technical: "N: members in the graph as of the date, including those without ties yet.",
    kind: "count",
  },
];
