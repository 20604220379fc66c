// The technical names, formulas and sources of the indicators the view shows, one click deeper
// than the readings (docs/indicators.md has no HTML page to link to, so the text lives here).

export interface Definition {
  /** Technical name, shown in the definition. */
  readonly name: string;
  readonly formula: string;
  readonly source: string;
  /** What the baseline means, where the indicator has one. */
  readonly baseline?: string;
  /** Counts are whole numbers, indices two decimals. */
  readonly kind: "index" | "count";
}

export const definitions: Record<string, Definition> = {
  "silo.ei": {
    name: "E-I index",
    formula: "EI = (E − I) / (E + I): E ties between groups, I ties within; −1 all inside, +1 all across.",
    source: "Krackhardt & Stern (1988).",
    baseline: "E[EI] = 1 − 2π_in, π_in = Σ n_g(n_g − 1) / (N(N − 1)): what random mixing would give.",
    kind: "index",
  },
  "diversity.iqv": {
    name: "Index of qualitative variation, normalised Blau",
    formula: "IQV = K/(K − 1) · (1 − Σ p_k²), p_k the share of members in category k, K the categories.",
    source: "Agresti & Agresti (1978); Blau (1977).",
    kind: "index",
  },
  "reciprocity.rho": {
    name: "Garlaschelli–Loffredo ρ",
    formula: "ρ = (r − ā) / (1 − ā): edge reciprocity r corrected for the density ā.",
    source: "Garlaschelli & Loffredo, Phys. Rev. Lett. 93, 268701 (2004).",
    baseline: "0: the ρ of a random network of the same density.",
    kind: "index",
  },
  "reciprocity.dyadic": {
    name: "Dyadic reciprocity",
    formula: "M / (M + A): mutual pairs over connected pairs (mutual M, one-way A).",
    source: "Wasserman & Faust (1994) ch. 13; UCINET dyad method.",
    baseline: "ā / (2 − ā): every tie present independently at the network's density ā.",
    kind: "index",
  },
  "roles.dual_role_share": {
    name: "Dual-role share",
    formula:
      "Members who both gave (giver role, or source of a directed interaction) and received (receiver role, or recipient), over active members.",
    source: "copgraph's own definition.",
    kind: "index",
  },
  "activity.active_members": {
    name: "Active members",
    formula: "Members with at least one interaction or gathering in the period.",
    source: "standard.",
    kind: "count",
  },
  "network.members": {
    name: "Members, N",
    formula: "Members joined by the date and not left by then, plus those who left but appear in the period.",
    source: "Wasserman & Faust (1994), ch. 4.",
    kind: "count",
  },
  "network.ties": {
    name: "Ties, L",
    formula:
      "One-way ties i → j in the selected layers, each once whatever its weight; a two-way relationship counts 2.",
    source: "Wasserman & Faust (1994), ch. 4.",
    kind: "count",
  },
  "silo.clusters": {
    name: "Silo clusters",
    formula:
      "Louvain clusters; a cluster is a silo when at least 80% of its members (with a value) share one category and it has 3 or more of them.",
    source: "Blondel et al. (2008) for the clusters; the share rule is copgraph's own.",
    kind: "count",
  },
};

/** The headline readings, in the order the panel shows them. */
export const headline = [
  "silo.ei",
  "diversity.iqv",
  "reciprocity.rho",
  "reciprocity.dyadic",
  "roles.dual_role_share",
  "activity.active_members",
] as const;

/** Every indicator the page asks for with the view's attribute. */
export const requested = [...headline, "network.members", "network.ties", "silo.clusters"] as const;
