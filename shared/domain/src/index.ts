// @copgraph/domain: catalogues, event schemas, commands and the community decider. No I/O, no clock.
export * from "./catalogues.js";
export * from "./commands.js";
export { ALLOWED_CLOCK_SKEW_MS, type DecideContext, decide } from "./decide.js";
export { type BatchRefusals, DecisionSession, decideBatch, refusalsInBatch } from "./decide-batch.js";
export * from "./decider.js";
export * from "./errors.js";
export * from "./events/index.js";
export { evolve } from "./evolve.js";
export { DATE_TIME_SENTENCE, type IssueDetails, issueSentence } from "./issue-sentence.js";
export type { Issue, IssuePath } from "./issues.js";
export { memberIdWarnings } from "./member-id-warnings.js";
export * from "./state.js";
export * from "./surveys/index.js";
export * from "./watches/index.js";
