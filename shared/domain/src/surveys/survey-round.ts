import type { Issue } from "../issues.js";
import type { SurveyAnswerBody, SurveyEvent, SurveyRoundOpenedData } from "./survey-events.js";
import { SURVEY_CATALOGUE_VERSION, surveyQuestionById } from "./survey-questions.js";

export interface StandingAnswer {
  readonly respondent: string;
  /** Valid time of the answer that stands (the latest). */
  readonly answeredAt: string;
  readonly body: SurveyAnswerBody;
}

/** A round as its events leave it. */
export interface SurveyRound extends Omit<SurveyRoundOpenedData, "occurredAt"> {
  readonly openedAt: string;
  /** When the facilitator closed it; null while it runs (it still stops taking answers at closesAt). */
  readonly closedAt: string | null;
  /** The answers that count: the latest of each respondent who has not withdrawn since. */
  readonly answers: ReadonlyMap<string, StandingAnswer>;
  /** Respondents whose last word was a withdrawal. */
  readonly withdrawn: ReadonlySet<string>;
}

/** The round after these events (in stream order); undefined before it was opened. Pure. */
export function surveyRoundOf(events: Iterable<SurveyEvent>): SurveyRound | undefined {
  let round: SurveyRound | undefined;
  for (const event of events) round = evolveSurveyRound(round, event);
  return round;
}

export function evolveSurveyRound(round: SurveyRound | undefined, event: SurveyEvent): SurveyRound | undefined {
  if (event.type === "SurveyRoundOpened") {
    const { occurredAt, ...opened } = event.data;
    return { ...opened, openedAt: occurredAt, closedAt: null, answers: new Map(), withdrawn: new Set() };
  }
  if (!round) return round;
  switch (event.type) {
    case "SurveyAnswered": {
      const { respondent, occurredAt, roundId: _round, ...body } = event.data;
      const answers = new Map(round.answers).set(respondent, { respondent, answeredAt: occurredAt, body });
      const withdrawn = new Set(round.withdrawn);
      withdrawn.delete(respondent);
      return { ...round, answers, withdrawn };
    }
    case "SurveyAnswerWithdrawn": {
      const answers = new Map(round.answers);
      answers.delete(event.data.respondent);
      return { ...round, answers, withdrawn: new Set(round.withdrawn).add(event.data.respondent) };
    }
    case "SurveyRoundClosed":
      return { ...round, closedAt: event.data.occurredAt };
  }
}

/** When the round stops taking answers: its close date, or earlier when it was closed. */
export function roundEndsAt(round: SurveyRound): string {
  if (round.closedAt !== null && Date.parse(round.closedAt) < Date.parse(round.closesAt)) return round.closedAt;
  return round.closesAt;
}

/** Whether the round takes answers at this instant: from its open date until it ends. */
export function takesAnswersAt(round: SurveyRound, at: string): boolean {
  const instant = Date.parse(at);
  return round.closedAt === null && instant >= Date.parse(round.opensAt) && instant < Date.parse(round.closesAt);
}

export type SurveyRefusalCode =
  | "round_exists"
  | "unknown_round"
  | "round_closed"
  | "round_not_open"
  | "invalid_round"
  | "invalid_answer"
  | "no_answer";

export type SurveyDecision =
  | { readonly ok: true; readonly event: SurveyEvent }
  | { readonly ok: false; readonly code: SurveyRefusalCode; readonly detail: string; readonly issues: Issue[] };

const refuse = (code: SurveyRefusalCode, detail: string, issues: Issue[] = []): SurveyDecision => ({
  ok: false,
  code,
  detail,
  issues,
});

/** Whether the event may follow the round's history. Pure: the event carries its own time. */
export function decideSurvey(round: SurveyRound | undefined, event: SurveyEvent): SurveyDecision {
  if (event.type === "SurveyRoundOpened") {
    if (round) return refuse("round_exists", `round '${event.data.roundId}' exists already`);
    const issues = roundIssues(event.data);
    return issues.length > 0 ? refuse("invalid_round", issues.map(sentence).join("; "), issues) : { ok: true, event };
  }
  if (!round) return refuse("unknown_round", `there is no round '${event.data.roundId}'`);
  if (event.type === "SurveyRoundClosed") {
    if (round.closedAt !== null) return refuse("round_closed", `round '${round.roundId}' is closed already`);
    return { ok: true, event };
  }
  if (round.closedAt !== null || Date.parse(event.data.occurredAt) >= Date.parse(round.closesAt))
    return refuse("round_closed", `round '${round.roundId}' has closed: it takes no more answers`);
  if (Date.parse(event.data.occurredAt) < Date.parse(round.opensAt))
    return refuse("round_not_open", `round '${round.roundId}' opens at ${round.opensAt}`);
  if (!round.roster.includes(event.data.respondent))
    return refuse("invalid_answer", `'${event.data.respondent}' is not on the round's roster`, [
      { path: ["respondent"], message: "is not on the round's roster" },
    ]);
  if (event.type === "SurveyAnswerWithdrawn") {
    if (!round.answers.has(event.data.respondent))
      return refuse("no_answer", `'${event.data.respondent}' has no answer to withdraw`);
    return { ok: true, event };
  }
  const issues = answerIssues(round, event.data.respondent, event.data);
  return issues.length > 0 ? refuse("invalid_answer", issues.map(sentence).join("; "), issues) : { ok: true, event };
}

const sentence = (issue: Issue) => `${issue.path.join(".")} ${issue.message}`;

function roundIssues(round: SurveyRoundOpenedData): Issue[] {
  const issues: Issue[] = [];
  if (Date.parse(round.closesAt) <= Date.parse(round.opensAt))
    issues.push({ path: ["closesAt"], message: "must be after opensAt" });
  else if (Date.parse(round.closesAt) <= Date.parse(round.occurredAt))
    issues.push({ path: ["closesAt"], message: "must be in the future" });
  for (const index of duplicates(round.roster))
    issues.push({ path: ["roster", index], message: "names a member twice" });
  round.questions.forEach((id, index) => {
    if (!surveyQuestionById.has(id))
      issues.push({ path: ["questions", index], message: `is not a question of the catalogue ('${id}')` });
  });
  for (const index of duplicates(round.questions))
    issues.push({ path: ["questions", index], message: "asks a question twice" });
  if (!round.questions.some((id) => surveyQuestionById.get(id)?.kind === "name-generator"))
    issues.push({ path: ["questions"], message: "must hold at least one name generator" });
  if (round.catalogueVersion > SURVEY_CATALOGUE_VERSION)
    issues.push({ path: ["catalogueVersion"], message: `must be at most ${SURVEY_CATALOGUE_VERSION}` });
  return issues;
}

/** Every rule an answer breaks, each at its place in the answer. */
export function answerIssues(round: SurveyRound, respondent: string, answer: SurveyAnswerBody): Issue[] {
  const issues: Issue[] = [];
  const roster = new Set(round.roster);
  const asked = new Map(round.questions.map((id) => [id, surveyQuestionById.get(id)]));
  const named = new Set<string>();
  answer.nominations.forEach(({ question, named: members }, index) => {
    if (asked.get(question)?.kind !== "name-generator")
      issues.push({
        path: ["nominations", index, "question"],
        message: `is not a name generator of this round ('${question}')`,
      });
    members.forEach((memberId, position) => {
      const at = ["nominations", index, "named", position];
      if (memberId === respondent) issues.push({ path: at, message: "names the respondent themselves" });
      else if (!roster.has(memberId))
        issues.push({ path: at, message: `is not on the round's roster ('${memberId}')` });
      named.add(memberId);
    });
    for (const position of duplicates(members))
      issues.push({ path: ["nominations", index, "named", position], message: "names a member twice" });
  });
  for (const index of duplicates(answer.nominations.map((nomination) => nomination.question)))
    issues.push({ path: ["nominations", index, "question"], message: "answers a question twice" });
  const asksAspect = (aspect: "trust" | "value") =>
    round.questions.some((id) => {
      const question = surveyQuestionById.get(id);
      return question?.kind === "rating" && question.aspect === aspect;
    });
  answer.ratings.forEach((rating, index) => {
    if (!named.has(rating.memberId) || rating.memberId === respondent)
      issues.push({ path: ["ratings", index, "memberId"], message: "rates a member not named in the answer" });
    for (const aspect of ["trust", "value"] as const) {
      if (rating[aspect] !== undefined && !asksAspect(aspect))
        issues.push({ path: ["ratings", index, aspect], message: `is not asked in this round` });
    }
  });
  for (const index of duplicates(answer.ratings.map((rating) => rating.memberId)))
    issues.push({ path: ["ratings", index, "memberId"], message: "rates a member twice" });
  answer.items.forEach(({ question }, index) => {
    if (asked.get(question)?.kind !== "community-item")
      issues.push({
        path: ["items", index, "question"],
        message: `is not a community item of this round ('${question}')`,
      });
  });
  for (const index of duplicates(answer.items.map((item) => item.question)))
    issues.push({ path: ["items", index, "question"], message: "answers a question twice" });
  return issues;
}

/** Positions of the values seen before in the list. */
function duplicates(values: readonly string[]): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  values.forEach((value, index) => {
    if (seen.has(value)) repeated.push(index);
    seen.add(value);
  });
  return repeated;
}
