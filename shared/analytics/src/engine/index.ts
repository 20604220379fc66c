// The analytics engine: a history's records as integer columns (TieIndex, kept in step on
// demand), the graph at any query projected from them in one pass (projectCompact), readings
// computed on typed arrays, the graph of objects built only for indicators that need it.
export { communitySnapshotOf, layersOf } from "./community-snapshot-of.js";
export { compactReadings } from "./compact-readings.js";
export { type CompactSnapshot, referenceOrder } from "./compact-snapshot.js";
export { EngineCache } from "./engine-cache.js";
export { engineIndicators } from "./engine-indicators.js";
export { EngineView } from "./engine-view.js";
export { projectCompact } from "./project-compact.js";
export { TieIndex, tieIndexOf } from "./tie-index.js";
