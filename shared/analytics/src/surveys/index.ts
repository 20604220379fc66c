// Survey readings: pure analytics of a round's answers (trust, value, reported reciprocity, the
// chain test), on plain inputs. Definitions: docs/survey-analytics.md.
export * from "./catalogue.js";
export * from "./chain.js";
export * from "./chain-matrices.js";
export * from "./dyad-matrix.js";
export * from "./mrqap.js";
export * from "./permutations.js";
export * from "./qap.js";
export * from "./reported-graph.js";
export * from "./reported-indicators.js";
export * from "./reported-reciprocity.js";
export * from "./responses.js";
export * from "./round-chain.js";
export * from "./trust-value.js";
