// Survey answers from another survey tool's spreadsheet export: one row per respondent × member
// named × question (or per respondent × community item). A respondent's rows make one
// SurveyAnswered, which replaces an earlier answer as a re-answer does. The file is checked here;
// the round's rules (roster, questions asked, its open–close window) are the survey decider's,
// run on each respondent's answer so that every bad row is listed, with nothing stored.
import {
  decideSurvey,
  type Issue,
  type IssuePath,
  type MemberRating,
  OccurredAt,
  parseSurveyEvent,
  type SurveyAnsweredData,
  type SurveyEvent,
  type SurveyQuestion,
  type SurveyRound,
  surveyQuestions,
} from "@copgraph/domain";
import { decodeUtf8, type LineError } from "../text.js";
import { futureError, missingCells, toOccurredAt } from "./cells.js";
import type { CsvColumn } from "./columns.js";
import { readTableOf, type TableRow } from "./table.js";

const trustDimensions = ["reliable", "commonConcern", "openToDiscussion"] as const;
const valueDimensions = ["influence", "involvement", "resources"] as const;
type Dimension = (typeof trustDimensions)[number] | (typeof valueDimensions)[number];
const dimensions: readonly Dimension[] = [...trustDimensions, ...valueDimensions];
const aspectOf = (dimension: Dimension): "trust" | "value" =>
  (trustDimensions as readonly string[]).includes(dimension) ? "trust" : "value";

const rating = (what: string, example: string): CsvColumn => ({
  name: what,
  required: false,
  description: `1–4 rating of the member named: ${example}; empty means not rated`,
  example: "3",
});

/** The columns of a survey answers file, in the order the docs and the example give them. */
export const surveyAnswerColumns: readonly CsvColumn[] = [
  { name: "respondent", required: true, description: "memberId of the member who answered", example: "m001" },
  {
    name: "named",
    required: false,
    description: "memberId of the member named (one per row); empty on a community item's row",
    example: "m002",
  },
  {
    name: "question",
    required: true,
    description: "a name generator's or community item's id (ng.advice.v1), or a reported layer (reported-advice)",
    example: "ng.advice.v1",
  },
  rating("reliable", "does what they say (trust)"),
  rating("commonConcern", "works for what the community is about (trust)"),
  rating("openToDiscussion", "talks things through (trust)"),
  rating("influence", "say in what the community does (value)"),
  rating("involvement", "takes part in its work (value)"),
  rating("resources", "brings time, knowledge, contacts, means (value)"),
  { name: "value", required: false, description: "a community item's answer, 1–5", example: "" },
  {
    name: "answeredAt",
    required: false,
    description: "when the respondent answered in the other tool (empty: the time of the import)",
    example: "2026-06-10T09:30:00+02:00",
  },
];

/** One respondent's answer read from the file, with the file lines it came from. */
export interface ImportedSurveyAnswer {
  readonly event: Extract<SurveyEvent, { type: "SurveyAnswered" }>;
  readonly lines: readonly number[];
}

export type SurveyAnswersImportResult =
  | { ok: true; answers: ImportedSurveyAnswer[]; rows: number }
  | { ok: false; errors: LineError[] };

export interface SurveyAnswersImportOptions {
  /** The time of answers without answeredAt; dates later than it (plus the clock skew) are refused. */
  readonly now: Date;
}

/** Questions a row may name, by id and, for name generators, by their layer; case does not matter. */
const rowQuestions: ReadonlyMap<string, SurveyQuestion> = new Map(
  surveyQuestions.flatMap((question): [string, SurveyQuestion][] => {
    if (question.kind === "name-generator")
      return [
        [question.id.toLowerCase(), question],
        [question.layer.toLowerCase(), question],
      ];
    return question.kind === "community-item" ? [[question.id.toLowerCase(), question]] : [];
  }),
);
const questionChoices = surveyQuestions
  .flatMap((question) => {
    if (question.kind === "name-generator") return [question.id, question.layer];
    return question.kind === "community-item" ? [question.id] : [];
  })
  .join(", ");

/** A respondent's answer as its rows build it, remembering where each part came from. */
interface Draft {
  readonly respondent: string;
  readonly lines: number[];
  answeredAt?: { readonly value: string; readonly line: number };
  /** Per name generator: the members named and the line naming each (first line: the question's). */
  readonly nominations: Map<string, { named: string[]; namedLines: number[]; line: number }>;
  /** Per member named with ratings: each dimension's value and line. */
  readonly ratings: Map<string, { line: number; given: Map<Dimension, { value: number; line: number }> }>;
  readonly items: Map<string, { value: number; line: number }>;
}

/**
 * The answers of a round in a CSV file: each respondent's rows as one SurveyAnswered, checked
 * against the round as it stands (each decided on its own: answers of different respondents do
 * not depend on each other). Every bad row is listed; answers come back only when none is bad.
 */
export function parseSurveyAnswersCsv(
  bytes: Uint8Array,
  round: SurveyRound,
  options: SurveyAnswersImportOptions,
): SurveyAnswersImportResult {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return decoded;
  const read = readTableOf("survey answers", surveyAnswerColumns, decoded.text);
  if (!read.ok) return read;
  const { table } = read;
  const errors: LineError[] = [...table.errors];
  const drafts = new Map<string, Draft>();
  const seenRows = new Map<string, number>();
  for (const row of table.rows) {
    const rowErrors = readRow(row, drafts, seenRows, options.now);
    errors.push(...rowErrors);
  }
  const answers: ImportedSurveyAnswer[] = [];
  const defaultTime = options.now.toISOString();
  for (const draft of drafts.values()) {
    const decided = decideDraft(draft, round, defaultTime);
    if ("errors" in decided) errors.push(...decided.errors);
    else answers.push(decided);
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, answers, rows: table.rows.length };
}

/** Checks one row and adds it to its respondent's draft; the row's errors (none: it was added). */
function readRow(row: TableRow, drafts: Map<string, Draft>, seenRows: Map<string, number>, now: Date): LineError[] {
  const errors: LineError[] = missingCells(row, surveyAnswerColumns);
  const error = (column: string, message: string) => errors.push({ line: row.line, column, message });
  const respondent = row.cell("respondent");
  const named = row.cell("named");
  const questionCell = row.cell("question");
  const question = questionCell === undefined ? undefined : rowQuestions.get(questionCell.toLowerCase());
  if (questionCell !== undefined && !question) {
    const rated = surveyQuestions.some((known) => known.kind === "rating" && known.id === questionCell);
    error(
      "question",
      rated
        ? `'${questionCell}' is a rating: put its ratings on the rows naming the person, in the columns ${dimensions.join(", ")}`
        : `unknown question '${questionCell}'; use one of: ${questionChoices}`,
    );
  }
  const given = new Map<Dimension, number>();
  for (const dimension of dimensions) {
    const cell = row.cell(dimension);
    if (cell === undefined) continue;
    const value = wholeNumberIn(cell, 1, 4);
    if (value === undefined) error(dimension, `'${cell}' is not a rating: use a whole number from 1 to 4`);
    else given.set(dimension, value);
  }
  const valueCell = row.cell("value");
  const value = valueCell === undefined ? undefined : wholeNumberIn(valueCell, 1, 5);
  if (valueCell !== undefined && value === undefined)
    error("value", `'${valueCell}' is not an answer to a community item: use a whole number from 1 to 5`);
  const answeredAtCell = row.cell("answeredAt");
  let answeredAt: string | undefined;
  if (answeredAtCell !== undefined) {
    answeredAt = toOccurredAt(answeredAtCell);
    if (!OccurredAt.safeParse(answeredAt).success) {
      error(
        "answeredAt",
        `'${answeredAtCell}' is not a date: write 2026-06-10 or 2026-06-10T09:30:00+02:00 (a time needs an offset or Z)`,
      );
      answeredAt = undefined;
    } else {
      const future = futureError(row, "answeredAt", answeredAt, now);
      if (future) errors.push(future);
    }
  }
  if (question?.kind === "name-generator") {
    if (valueCell !== undefined) error("value", "value is for community items: a name generator's row names a person");
    if (named !== undefined && /[;,]/.test(named))
      error("named", `'${named}' names several members: one member per row`);
    else if (named !== undefined && named === respondent)
      error("named", `'${named}' is the respondent: a respondent does not name themselves`);
    if (named === undefined)
      for (const dimension of given.keys())
        error(dimension, "a rating needs a member named on its row (named is empty)");
  } else if (question?.kind === "community-item") {
    if (named !== undefined) error("named", `${question.id} is a community item: it names no one, leave named empty`);
    for (const dimension of given.keys())
      error(dimension, `${question.id} is a community item: ratings belong on the rows naming a person`);
    if (valueCell === undefined) error("value", `${question.id} is a community item: give its value, 1 to 5`);
  }
  if (respondent !== undefined && question) {
    const key = JSON.stringify([respondent, question.id, question.kind === "name-generator" ? (named ?? "") : ""]);
    const earlier = seenRows.get(key);
    if (earlier !== undefined) error("question", `repeats line ${earlier}: ${respondent} answers it there already`);
    else seenRows.set(key, row.line);
  }
  if (errors.length > 0 || respondent === undefined || !question) return errors;

  let draft = drafts.get(respondent);
  if (!draft) {
    draft = { respondent, lines: [], nominations: new Map(), ratings: new Map(), items: new Map() };
    drafts.set(respondent, draft);
  }
  if (answeredAt !== undefined) {
    if (draft.answeredAt && Date.parse(draft.answeredAt.value) !== Date.parse(answeredAt))
      error(
        "answeredAt",
        `${respondent} answered at ${draft.answeredAt.value} on line ${draft.answeredAt.line}: one answer has one time`,
      );
    else draft.answeredAt ??= { value: answeredAt, line: row.line };
  }
  if (question.kind === "community-item") {
    draft.items.set(question.id, { value: value as number, line: row.line });
  } else {
    const nomination = draft.nominations.get(question.id) ?? { named: [], namedLines: [], line: row.line };
    draft.nominations.set(question.id, nomination);
    if (named !== undefined) {
      nomination.named.push(named);
      nomination.namedLines.push(row.line);
      if (given.size > 0) {
        const ratings = draft.ratings.get(named) ?? { line: row.line, given: new Map() };
        draft.ratings.set(named, ratings);
        for (const [dimension, rated] of given) {
          const before = ratings.given.get(dimension);
          if (before && before.value !== rated)
            error(
              dimension,
              `${named}'s ${dimension} is ${before.value} on line ${before.line}: a member is rated once`,
            );
          else if (!before) ratings.given.set(dimension, { value: rated, line: row.line });
        }
      }
    }
  }
  if (errors.length === 0) draft.lines.push(row.line);
  return errors;
}

function wholeNumberIn(text: string, min: number, max: number): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}

/** The draft as a SurveyAnswered the round's decider accepts, or the rows it refuses. */
function decideDraft(
  draft: Draft,
  round: SurveyRound,
  defaultTime: string,
): ImportedSurveyAnswer | { errors: LineError[] } {
  const nominations = [...draft.nominations].map(([question, { named }]) => ({ question, named: [...named] }));
  const ratings = [...draft.ratings].map(([memberId, { given }]) => ratingOf(memberId, given));
  const items = [...draft.items].map(([question, { value }]) => ({ question, value }));
  const data: SurveyAnsweredData = {
    roundId: round.roundId,
    respondent: draft.respondent,
    nominations,
    ratings,
    items,
    occurredAt: draft.answeredAt?.value ?? defaultTime,
  };
  const parsed = parseSurveyEvent({ type: "SurveyAnswered", data });
  if (!parsed.ok) return { errors: draftErrors(draft, parsed.issues) };
  const decision = decideSurvey(round, parsed.event);
  if (decision.ok) return { event: decision.event as ImportedSurveyAnswer["event"], lines: [...draft.lines] };
  if (decision.issues.length > 0) return { errors: draftErrors(draft, decision.issues) };
  // The round's window (or a round gone): said once, on the respondent's first row.
  const [first = 0] = draft.lines;
  const hint = draft.answeredAt
    ? ""
    : `; answers without answeredAt are dated at the import, ${defaultTime}: give the time each respondent answered`;
  return {
    errors: [
      draft.answeredAt
        ? { line: draft.answeredAt.line, column: "answeredAt", message: decision.detail }
        : { line: first, message: `${decision.detail}${hint}` },
    ],
  };
}

function ratingOf(memberId: string, given: ReadonlyMap<Dimension, { value: number }>): MemberRating {
  const rating: MemberRating = { memberId };
  for (const [dimension, { value }] of given) {
    const aspect = aspectOf(dimension);
    rating[aspect] = { ...rating[aspect], [dimension]: value };
  }
  return rating;
}

/** Each issue of the respondent's answer at the rows and column it came from. */
function draftErrors(draft: Draft, issues: readonly Issue[]): LineError[] {
  return issues.flatMap((issue): LineError[] => {
    const path: IssuePath = issue.path[0] === "data" ? issue.path.slice(1) : issue.path;
    const [field, index, part, position] = path;
    const nominations = [...draft.nominations.values()];
    const ratings = [...draft.ratings];
    const items = [...draft.items.values()];
    if (field === "respondent")
      return draft.lines.map((line) => ({
        line,
        column: "respondent",
        message: `'${draft.respondent}' ${issue.message}`,
      }));
    if (field === "occurredAt")
      return [{ line: draft.answeredAt?.line ?? draft.lines[0] ?? 0, column: "answeredAt", message: issue.message }];
    if (field === "nominations" && typeof index === "number") {
      const nomination = nominations[index];
      if (part === "named" && typeof position === "number")
        return [
          { line: nomination?.namedLines[position] ?? nomination?.line ?? 0, column: "named", message: issue.message },
        ];
      return [{ line: nomination?.line ?? 0, column: "question", message: issue.message }];
    }
    if (field === "ratings" && typeof index === "number") {
      const [, rated] = ratings[index] ?? [];
      if (part === "trust" || part === "value") {
        const [dimension, at] = [...(rated?.given ?? [])].find(([name]) => aspectOf(name) === part) ?? [];
        const line = at?.line ?? rated?.line ?? 0;
        const message = `${part} ratings ${issue.message.replace(/^is /, "are ")}`;
        return [dimension ? { line, column: dimension, message } : { line, message }];
      }
      return [{ line: rated?.line ?? 0, column: "named", message: issue.message }];
    }
    if (field === "items" && typeof index === "number") {
      const item = items[index];
      return [{ line: item?.line ?? 0, column: part === "value" ? "value" : "question", message: issue.message }];
    }
    return [{ line: draft.lines[0] ?? 0, message: `${path.join(".")} ${issue.message}` }];
  });
}
