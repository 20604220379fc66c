// A closed survey round for a demo community, so a first start shows reported layers, trust
// readings and the chain on the time slider. Answers follow the recorded year before the round:
// members name those they exchanged advice, knowledge or work with (a few forgotten, a few more
// named than the record holds), and trust more the people with whom help ran both ways and roles
// changed hands. Pure and seeded like the rest of the simulator.
import {
  type CommunityEvent,
  defaultSurveyQuestionIds,
  type MemberRating,
  SURVEY_CATALOGUE_VERSION,
  type SurveyEvent,
} from "@copgraph/domain";
import { Random } from "./random.js";
import { DAY_MS } from "./time.js";

/** A survey event with the time it was recorded (an answer: as it was given). */
export interface RecordedSurveyEvent {
  readonly event: SurveyEvent;
  readonly recordedAt: number;
}

export interface DemoSurveyRound {
  readonly roundId: string;
  readonly events: readonly RecordedSurveyEvent[];
}

const OPENS_DAYS_BEFORE = 60;
const CLOSES_DAYS_BEFORE = 32;
const RESPONSE_SHARE = 0.8;
const MAX_NAMED = 5;
const FORGET = 0.1;
const EXTRA_NAME = 0.15;

const layerKinds = {
  "ng.advice.v1": ["advice", "mentoring", "feedback"],
  "ng.knowledge.v1": ["knowledge-sharing", "introduction"],
  "ng.collaboration.v1": ["collaboration"],
} as const;
type NameGeneratorId = keyof typeof layerKinds;

/** What a respondent's year looked like with one other member, from the record. */
interface Pair {
  /** Interactions of each name generator's kinds in which the other gave to the respondent, or the reverse. */
  readonly received: Record<NameGeneratorId, number>;
  readonly given: Record<NameGeneratorId, number>;
}

const noTies = (): Record<NameGeneratorId, number> => ({
  "ng.advice.v1": 0,
  "ng.knowledge.v1": 0,
  "ng.collaboration.v1": 0,
});

/**
 * The round "Spring survey" (or whatever `title` says) of a demo community: opened 60 days before
 * `now`, closed 32 days before it, asking every member current at its opening the whole catalogue.
 */
export function demoSurveyRound(
  communityId: string,
  events: readonly CommunityEvent[],
  now: number,
  seed: number,
  title = "Network survey",
): DemoSurveyRound {
  const random = Random.derive(seed, "survey");
  const opensAt = now - OPENS_DAYS_BEFORE * DAY_MS;
  const closesAt = now - CLOSES_DAYS_BEFORE * DAY_MS;
  const roster = membersAt(events, opensAt);
  const sector = sectorsOf(events);
  const pairs = recordedPairs(events, opensAt - 365 * DAY_MS, opensAt, new Set(roster));
  const roundId = "demo-survey";
  const recorded: RecordedSurveyEvent[] = [
    {
      event: {
        type: "SurveyRoundOpened",
        data: {
          roundId,
          communityId,
          title,
          opensAt: iso(opensAt),
          closesAt: iso(closesAt),
          roster,
          questions: [...defaultSurveyQuestionIds],
          catalogueVersion: SURVEY_CATALOGUE_VERSION,
          occurredAt: iso(opensAt - 3 * DAY_MS),
        },
      },
      recordedAt: opensAt - 3 * DAY_MS,
    },
  ];
  const answers: RecordedSurveyEvent[] = [];
  for (const respondent of roster) {
    if (!random.chance(RESPONSE_SHARE)) continue;
    const mine = pairs.get(respondent) ?? new Map<string, Pair>();
    const nominations = (Object.keys(layerKinds) as NameGeneratorId[]).map((question) => ({
      question,
      named: named(question, mine, roster, respondent, random),
    }));
    const everyone = [...new Set(nominations.flatMap((nomination) => nomination.named))];
    const ratings = everyone.map((other) => rating(other, mine.get(other), random));
    const crossing = everyone.filter((other) => sector.get(other) !== sector.get(respondent)).length;
    const gave = [...mine.values()].some((pair) => total(pair.given) > 0);
    const got = [...mine.values()].some((pair) => total(pair.received) > 0);
    const items = [
      { question: "ci.learn-teach.v1", value: scale(gave && got ? 4 : 2.5, random, 5) },
      { question: "ci.ask-anyone.v1", value: scale(2 + everyone.length / 3, random, 5) },
      { question: "ci.other-sectors.v1", value: scale(1.5 + (4 * crossing) / Math.max(1, everyone.length), random, 5) },
    ];
    const answeredAt = Math.floor(random.between(opensAt + DAY_MS, closesAt - DAY_MS));
    answers.push({
      event: {
        type: "SurveyAnswered",
        data: { roundId, respondent, nominations, ratings, items, occurredAt: iso(answeredAt) },
      },
      recordedAt: answeredAt,
    });
  }
  answers.sort((a, b) => a.recordedAt - b.recordedAt);
  return { roundId, events: [...recorded, ...answers] };
}

const iso = (ms: number) => new Date(ms).toISOString();
const total = (counts: Record<NameGeneratorId, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** A 1..max score around `mean`, with the noise of one person's judgement. */
function scale(mean: number, random: Random, max: number): number {
  return Math.min(max, Math.max(1, Math.round(mean + 0.6 * random.normal())));
}

/** Whom the respondent names for one question: the strongest recorded ties, some forgotten, one extra now and then. */
function named(
  question: NameGeneratorId,
  mine: ReadonlyMap<string, Pair>,
  roster: readonly string[],
  respondent: string,
  random: Random,
): string[] {
  const strength = (pair: Pair) =>
    question === "ng.advice.v1" ? pair.received[question] : pair.received[question] + pair.given[question];
  const recorded = [...mine.entries()]
    .filter(([, pair]) => strength(pair) > 0)
    .sort((a, b) => strength(b[1]) - strength(a[1]) || a[0].localeCompare(b[0]))
    .map(([other]) => other)
    .filter(() => !random.chance(FORGET))
    .slice(0, MAX_NAMED);
  if (random.chance(EXTRA_NAME)) {
    const other = random.pick(roster);
    if (other !== respondent && !recorded.includes(other)) recorded.push(other);
  }
  return recorded;
}

/** Trust grows with help running both ways and with roles changing hands; value with what the other gave. */
function rating(other: string, pair: Pair | undefined, random: Random): MemberRating {
  const both = (["ng.advice.v1", "ng.knowledge.v1", "ng.collaboration.v1"] as const).some(
    (q) => (pair?.received[q] ?? 0) > 0 && (pair?.given[q] ?? 0) > 0,
  );
  const switched = (pair?.received["ng.advice.v1"] ?? 0) > 0 && (pair?.given["ng.advice.v1"] ?? 0) > 0;
  const trust = 2.2 + (both ? 0.7 : 0) + (switched ? 0.6 : 0);
  const value = 1.8 + Math.min(1.8, (pair ? total(pair.received) : 0) / 3);
  return {
    memberId: other,
    trust: {
      reliable: scale(trust, random, 4),
      commonConcern: scale(trust, random, 4),
      openToDiscussion: scale(trust, random, 4),
    },
    value: {
      influence: scale(value, random, 4),
      involvement: scale(value, random, 4),
      resources: scale(value, random, 4),
    },
  };
}

/** Members who had joined by `at` and not left, in the order they joined. */
function membersAt(events: readonly CommunityEvent[], at: number): string[] {
  const current = new Set<string>();
  for (const event of events) {
    if (Date.parse(event.data.occurredAt) > at) continue;
    if (event.type === "MemberJoined") current.add(event.data.memberId);
    if (event.type === "MemberLeft") current.delete(event.data.memberId);
  }
  return [...current];
}

function sectorsOf(events: readonly CommunityEvent[]): Map<string, string> {
  const sectors = new Map<string, string>();
  for (const event of events) {
    if (event.type === "MemberJoined") sectors.set(event.data.memberId, event.data.sector);
    if (event.type === "MemberProfileChanged" && event.data.sector) sectors.set(event.data.memberId, event.data.sector);
  }
  return sectors;
}

/** Per member, per other member: the interactions between them from `from` to `to`, retracted ones left out. */
function recordedPairs(
  events: readonly CommunityEvent[],
  from: number,
  to: number,
  roster: ReadonlySet<string>,
): Map<string, Map<string, Pair>> {
  const retracted = new Set(events.flatMap((event) => (event.type === "RecordRetracted" ? [event.data.recordId] : [])));
  const pairs = new Map<string, Map<string, Pair>>();
  const pairOf = (member: string, other: string) => {
    const mine = pairs.get(member) ?? new Map<string, Pair>();
    pairs.set(member, mine);
    const pair = mine.get(other) ?? { received: noTies(), given: noTies() };
    mine.set(other, pair);
    return pair;
  };
  for (const event of events) {
    if (event.type !== "InteractionRecorded" || retracted.has(event.data.interactionId)) continue;
    const at = Date.parse(event.data.occurredAt);
    if (at < from || at >= to) continue;
    const question = (Object.keys(layerKinds) as NameGeneratorId[]).find((q) =>
      (layerKinds[q] as readonly string[]).includes(event.data.kind),
    );
    if (question === undefined) continue;
    const giver = event.data.from;
    for (const receiver of event.data.to) {
      if (!roster.has(giver) || !roster.has(receiver) || giver === receiver) continue;
      pairOf(receiver, giver).received[question]++;
      pairOf(giver, receiver).given[question]++;
    }
  }
  return pairs;
}
