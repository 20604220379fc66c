export type { ConditionStart } from "./condition-start.js";
export { earliestTouched } from "./earliest-touched.js";
export { gatheringTimes } from "./gathering-times.js";
export { quietSpellStarts } from "./quiet-spells.js";
export { type ReadingPoint, readingConditionStarts } from "./reading-condition.js";
export { reusableReadings } from "./reusable-readings.js";
export { WATCH_STEP_DAYS, watchSteps } from "./watch-steps.js";
