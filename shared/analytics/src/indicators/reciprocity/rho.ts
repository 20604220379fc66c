// reciprocity.rho, version 1. Garlaschelli & Loffredo (2004) reciprocity, comparable across densities:
//   ρ = (r − ā) / (1 − ā),   r = edge reciprocity, ā = L / (N(N−1)) (density, self-loops left out).
// ρ > 0: more reciprocal than chance; ρ < 0: anti-reciprocal; ρ = 0: as a random graph.
// Source: Garlaschelli & Loffredo, Phys. Rev. Lett. 93, 268701 (2004).
// Baseline: 0, the ρ of a random graph of the same density (details keep r and ā).
// Null without arcs, with fewer than two members, or for a complete graph (ā = 1).
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
  compute: (snapshot) => computeRho(snapshot),
};
