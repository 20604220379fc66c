export * from "./round-in-effect.js";
export * from "./survey-answer-filing.js";
export * from "./survey-events.js";
export * from "./survey-questions.js";
export * from "./survey-responses.js";
export * from "./survey-round.js";
