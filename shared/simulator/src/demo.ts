// Three contrasting communities over the two years before `now`, to seed a first start: one in
// silos, one diverse with role switching, one growing whose silo dissolves. Each has corrections
// (retracted records) and records entered days or weeks late, so "as known at" changes the picture.
// Seeds are fixed, so a given `now` always gives the same events; names are made up (names.ts).
import { type DemoSurveyRound, demoSurveyRound } from "./demo-survey.js";
import type { SimulationParams } from "./params.js";
import { type Simulation, simulateCommunity } from "./simulate.js";
import { type SimulatedStoredEvent, simulationToStored } from "./stored.js";
import { DAY_MS } from "./time.js";

export type DemoStory = "siloed" | "diverse" | "growing";

export interface DemoCommunity extends Simulation {
  readonly story: DemoStory;
  readonly communityId: string;
  readonly name: string;
  readonly concern: string;
  readonly description: string;
  /** The events as recorded: in log order, each with its transaction time (never after `now`). */
  readonly recorded: readonly SimulatedStoredEvent[];
  /** A survey round closed a month before `now`, for the communities whose story it tells. */
  readonly survey?: DemoSurveyRound;
}

/** The stories a closed survey round adds to: trust where roles change hands, and where they do not. */
const surveyed: ReadonlySet<DemoStory> = new Set(["diverse", "siloed"]);

/** Share of records entered late, and how late at most: enough for "as known at" to show it. */
const LATE_SHARE = 0.1;
const MAX_LATE_DAYS = 21;

/** Two years of history, ending at `now`. */
export const DEMO_SPAN_MS = 730 * DAY_MS;

const demos: readonly (SimulationParams & {
  story: DemoStory;
  communityId: string;
  name: string;
  concern: string;
  description: string;
})[] = [
  {
    story: "siloed",
    communityId: "healthyschools",
    name: "Healthy Schools Network",
    concern: "Healthy food and movement in and around primary schools",
    description: "Teachers, municipal officers and local businesses — who mostly talk among themselves.",
    seed: 1101,
    initialMembers: 60,
    growth: 0.6,
    churn: 0.01,
    sectorMix: { education: 0.45, "public-authority": 0.3, business: 0.25 },
    attributes: { region: { north: 1, south: 1 } },
    homophily: 0.9,
    reciprocity: 0.1,
    roleSwitching: 0.05,
    habitualClassMix: { giver: 0.25, peer: 0.35, receiver: 0.4 },
    interactionsPerMemberPerMonth: 1.2,
    gatheringsPerMonth: 3,
    gatheringSize: { min: 3, max: 10 },
    formatMix: { meeting: 0.85, online: 0.15 },
    topics: ["school lunches", "active breaks", "sugar-free drinks", "playground use"],
  },
  {
    story: "diverse",
    communityId: "makerlearning",
    name: "Maker Learning Lab",
    concern: "Co-creating learning with makerspaces across school, university and business",
    description: "Students teach directors, professionals learn from students: roles change hands often.",
    seed: 2202,
    initialMembers: 55,
    growth: 1,
    churn: 0.015,
    sectorMix: {
      education: 0.2,
      "higher-education": 0.25,
      business: 0.2,
      "civil-society": 0.15,
      research: 0.2,
    },
    layerMix: { student: 0.3, professional: 0.4, management: 0.15, director: 0.15 },
    attributes: { region: { north: 1, south: 1 } },
    homophily: 0.1,
    reciprocity: 0.7,
    roleSwitching: 0.6,
    interactionsPerMemberPerMonth: 0.9,
    gatheringsPerMonth: 5,
    gatheringSize: { min: 3, max: 12 },
    formatMix: { makerspace: 0.3, workshop: 0.2, "site-visit": 0.15, online: 0.15, informal: 0.1, conference: 0.1 },
    topics: ["3D printing in class", "prototyping with students", "open hardware", "design thinking"],
  },
  {
    story: "growing",
    communityId: "activeageing",
    name: "Active Ageing Circle",
    concern: "Keeping older adults active at home and in the neighbourhood",
    description:
      "Started by a handful of practitioners who kept to their own sector; as new members joined every month, the sectors mixed.",
    seed: 3303,
    initialMembers: 10,
    growth: 4,
    churn: 0.01,
    sectorMix: { health: 0.35, "civil-society": 0.25, "public-authority": 0.2, research: 0.1, business: 0.1 },
    // A silo that dissolves over the two years: the time slider tells the story.
    homophily: 1,
    homophilyEnd: 0.05,
    reciprocity: 0.4,
    roleSwitching: 0.3,
    interactionsPerMemberPerMonth: 1.4,
    gatheringsPerMonth: 3,
    gatheringSize: { min: 2, max: 5 },
    formatMix: { meeting: 0.3, workshop: 0.3, informal: 0.2, "site-visit": 0.2 },
    topics: ["falls prevention", "walking groups", "home exercise", "loneliness"],
  },
];

export function demoCommunities(now: number): DemoCommunity[] {
  if (!Number.isFinite(now)) throw new RangeError("now must be a finite number of ms");
  return demos.map(({ story, ...params }) => {
    const simulation = simulateCommunity({ ...params, start: Math.floor(now) - DEMO_SPAN_MS, end: Math.floor(now) });
    const { communityId, name, concern, description } = params;
    const late = simulationToStored(simulation.events, {
      backdatedShare: LATE_SHARE,
      maxDelayDays: MAX_LATE_DAYS,
      seed: params.seed,
    });
    // Entered late, but not after now: clamping keeps the log order.
    const recorded = late.map((stored) => ({ ...stored, recordedAt: Math.min(stored.recordedAt, Math.floor(now)) }));
    const survey = surveyed.has(story)
      ? demoSurveyRound(communityId, simulation.events, Math.floor(now), params.seed ?? 0)
      : undefined;
    return { ...simulation, story, communityId, name, concern, description, recorded, ...(survey && { survey }) };
  });
}
