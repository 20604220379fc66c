export type { ConditionStart } from "./condition-start.js";
export { gatheringTimes } from "./gathering-times.js";
export { quietSpellStarts } from "./quiet-spells.js";
export { type ReadingPoint, readingConditionStarts } from "./reading-condition.js";
export { WATCH_STEP_DAYS, watchSteps } from "./watch-steps.js";
