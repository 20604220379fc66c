// @copgraph/analytics: a community's events → its relationship graph as of any date → indicators.
// Pure: no I/O, no clock (time comes in the query).
export * from "./indicators/indicator.js";
export * from "./indicators/registry.js";
export * from "./projection/index.js";
