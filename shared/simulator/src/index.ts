// @copgraph/simulator: seeded synthetic communities with planted homophily, reciprocity and role
// switching, for tests (does an indicator recover what was planted?), benchmarks and demos.
// Pure: no I/O, no clock (dates come in as parameters), randomness from the seed only.
export { type Draw, type ExpectedArcs, expectedArcs } from "./arc-expectation.js";
export { DEMO_SPAN_MS, type DemoCommunity, type DemoStory, demoCommunities } from "./demo.js";
export { type DemoSurveyRound, demoSurveyRound, type RecordedSurveyEvent } from "./demo-survey.js";
export { type EventCountEstimate, expectedEventCount } from "./event-count.js";
export {
  classChances,
  dualRoleChance,
  expectedEdgeReciprocity,
  expectedEi,
  expectedReturnedWithin,
  expectedSwitchRate,
  plantedEi,
} from "./expectations.js";
export { type ManyOptions, MIN_EVENTS_PER_COMMUNITY, simulateMany } from "./many.js";
export { firstNames, NameBook, surnames } from "./names.js";
export { defaultSimulationParams, type Range, type ResolvedSimulationParams, type SimulationParams } from "./params.js";
export { deriveSeed, mulberry32, Random } from "./random.js";
export { resolveParams } from "./resolve-params.js";
export { type Simulation, simulateCommunity } from "./simulate.js";
export { type SimulatedStoredEvent, simulationToStored, type ToStoredOptions } from "./stored.js";
export type { PlantedTruth } from "./truth.js";
export type { Weights } from "./weights.js";
