// @copgraph/analytics: a community's events → its relationship graph as of any date → indicators.
// Pure: no I/O, no clock (time comes in the query).

export * from "./backbone/disparity-filter.js";
export { ComputationStopped, stopBrandesWhen } from "./compact/brandes.js";
export * from "./engine/index.js";
export * from "./indicators/catalogue.js";
export * from "./indicators/description.js";
export * from "./indicators/indicator.js";
export * from "./indicators/reference.js";
export * from "./indicators/registry.js";
export * from "./indicators/unknown-indicator.js";
export * from "./notices/index.js";
export * from "./projection/index.js";
export * from "./surveys/index.js";
