// What the indicators should read under the plant: the derivations behind PlantedTruth.expected
// (see docs/decisions/0005-simulator.md). All are expectations over the random draws that the
// planted parameter governs, given the rest (who was active, who sent, who attended).

/**
 * E-I by sector over interaction arcs. Each interaction is internal with chance
 * p_in = h·[n_g ≥ 2] + (1 − h)(n_g − 1)/(N − 1) (see interactions.ts), so the expected internal
 * share is the mean p̄ of p_in over the interactions and E[EI] = (E − I)/(E + I) = 1 − 2p̄.
 * With a uniform sender, p̄ → h + (1 − h)·π_in (π_in: silo.ei_expected's within-group pair share),
 * i.e. E[EI] = (1 − h)·E₀ − h with E₀ = 1 − 2π_in the random-mixing baseline: E₀ at h = 0,
 * −1 at h = 1, linear between. silo.ei counts distinct arcs, and repeats are likelier inside
 * groups, so in dense communities it reads above this (arc-expectation.ts follows it exactly).
 */
export function expectedEi(meanInternalChance: number): number {
  return 1 - 2 * meanInternalChance;
}

/**
 * Edge reciprocity (share of arcs whose reverse exists) with D directed and C mutual
 * (collaboration) interactions: a mutual one makes two arcs, both reciprocated; a directed one
 * makes one arc, returned with chance ρ by one more arc, and then both are reciprocated:
 *   r = (2C + 2ρD) / (2C + D + ρD).
 * Sparse limit: it ignores reverses that arise by chance (≈ the density) and repeated pairs.
 */
export function expectedEdgeReciprocity(rho: number, directed: number, mutual: number): number | null {
  const arcs = 2 * mutual + directed * (1 + rho);
  return arcs === 0 ? null : (2 * mutual + 2 * rho * directed) / arcs;
}

/**
 * reciprocity.returned_within with Δ ≥ the longest return delay: of the directed arcs (D started,
 * ρD returns), the started ones are returned with chance ρ and the returns are not:
 *   ρD / (D + ρD) = ρ / (1 + ρ).
 */
export function expectedReturnedWithin(rho: number): number {
  return rho / (1 + rho);
}

/**
 * roles.switch_rate: a member's classes at successive gatherings are independent draws with
 * P(habitual) = 1 − s and s/2 for each other class, so two in a row differ with chance
 *   1 − (1 − s)² − 2(s/2)² = 2s − 1.5s²,
 * whatever the habitual class. It rises with s up to s = 2/3 (value 2/3: classes uniform), then
 * falls to 0.5 at s = 1 (never habitual: alternating at random between the two others).
 */
export function expectedSwitchRate(s: number): number {
  return 2 * s - 1.5 * s * s;
}

/** Chance of each class at one gathering for a member with the given habitual class. */
export function classChances(habitual: "giver" | "peer" | "receiver", s: number): { giver: number; receiver: number } {
  const other = s / 2;
  return {
    giver: habitual === "giver" ? 1 - s : other,
    receiver: habitual === "receiver" ? 1 - s : other,
  };
}

/**
 * Chance that a member both gave and received (roles.dual_role_share), given n gathering
 * participations with class chances (g, r) and whether their interactions already made them a
 * giver (sent a directed interaction) or a receiver (got one):
 *   P = 1 − P(no give) − P(no receive) + P(neither),
 *   P(no give) = gave ? 0 : (1 − g)^n,  P(no receive) = received ? 0 : (1 − r)^n,
 *   P(neither) = gave or received ? 0 : (1 − g − r)^n.
 */
export function dualRoleChance(
  n: number,
  chances: { giver: number; receiver: number },
  gave: boolean,
  received: boolean,
): number {
  const noGive = gave ? 0 : (1 - chances.giver) ** n;
  const noReceive = received ? 0 : (1 - chances.receiver) ** n;
  const neither = gave || received ? 0 : (1 - chances.giver - chances.receiver) ** n;
  return 1 - noGive - noReceive + neither;
}

/** E[EI] = (1 − h)·E₀ − h for homophily h and random-mixing baseline E₀ (uniform senders, sparse). */
export function plantedEi(h: number, randomMixingEi: number): number {
  return (1 - h) * randomMixingEi - h;
}
