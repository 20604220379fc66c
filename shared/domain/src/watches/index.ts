export * from "./watch-condition.js";
export * from "./watch-events.js";
export * from "./watches-of.js";
