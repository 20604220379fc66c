import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult } from "../indicator.js";
import { countArcs, density, edgeReciprocity } from "./arcs.js";

export function computeRho(snapshot: CommunitySnapshot): IndicatorResult {
  const counts = countArcs(snapshot.graph);
  const r = edgeReciprocity(counts);
  const a = density(snapshot.graph, counts.arcs);
  const value = r === null || a === null || a >= 1 ? null : (r - a) / (1 - a);
  return { value, baseline: value === null ? null : 0, details: { r, density: a } };
}

export const rhoIndicator: Indicator = {
  id: "reciprocity.rho",
  version: 1,
  title: "Reciprocity adjusted for density (Garlaschelli–Loffredo ρ)",
  unit: "index",
  options: [],
  formula: "`ρ = (r − ā) / (1 − ā)`, r = edge reciprocity.",
  source: "Garlaschelli & Loffredo, *Phys. Rev. Lett.* 93, 268701 (2004).",
  baseline:
    "0, the ρ of a random network of the same density (`details.density` holds ā, the r expected by chance, and `details.r` the observed r).",
  returns:
    "`value` in [−ā/(1 − ā), 1]: > 0 more reciprocal than chance, 0 as chance, < 0 anti-reciprocal; null without arcs, with N < 2, or for a complete graph (ā = 1). `details`: `r`, `density`.",
  reading:
    '"0.04: hardly more reciprocal than a random network of the same density; 0.27 would mean clearly more returns than chance." (Krackhardt\'s advice and friendship networks.) This is the one to compare across communities of different density.',
  compute: (snapshot) => computeRho(snapshot),
};
