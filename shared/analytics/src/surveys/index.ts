// Survey readings: pure analytics of a round's answers (trust, value, reported reciprocity, the
// chain test), on plain inputs. Definitions: docs/survey-analytics.md.
export * from "./reported-reciprocity.js";
export * from "./responses.js";
export * from "./trust-value.js";
