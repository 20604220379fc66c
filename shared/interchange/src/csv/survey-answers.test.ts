import { readFileSync } from "node:fs";
import { type SurveyEvent, type SurveyRound, surveyRoundOf } from "@copgraph/domain";
import { describe, expect, it } from "vitest";
import { parseSurveyAnswersCsv, surveyAnswerColumns } from "./survey-answers.js";

const opened = (questions?: string[]): SurveyEvent => ({
  type: "SurveyRoundOpened",
  data: {
    roundId: "spring",
    communityId: "town",
    title: "Spring 2026",
    opensAt: "2026-06-01T00:00:00Z",
    closesAt: "2026-06-30T00:00:00Z",
    roster: ["m001", "m002", "m003", "m004"],
    questions: questions ?? [
      "ng.advice.v1",
      "ng.collaboration.v1",
      "rate.trust.v1",
      "rate.value.v1",
      "ci.learn-teach.v1",
    ],
    catalogueVersion: 1,
    occurredAt: "2026-05-20T00:00:00Z",
  },
});
const spring = surveyRoundOf([opened()]) as SurveyRound;
const now = new Date("2026-06-15T12:00:00Z");
const parse = (text: string, round: SurveyRound = spring, at: Date = now) =>
  parseSurveyAnswersCsv(new TextEncoder().encode(text), round, { now: at });
const header =
  "respondent,named,question,reliable,commonConcern,openToDiscussion,influence,involvement,resources,value";
const errorsOf = (text: string, round?: SurveyRound) => {
  const result = parse(text, round);
  if (result.ok) throw new Error("expected errors");
  return result.errors;
};

describe("survey answers from another tool's CSV", () => {
  it("makes one answer per respondent: nominations per question, one rating per member named, items", () => {
    const result = parse(
      [
        header,
        "m001,m002,ng.advice.v1,4,3,,2,,,",
        "m001,m002,reported-collaboration,,,4,,,,", // the layer name, and a dimension given on a second row
        "m001,m003,ng.advice.v1,,,,,,,",
        "m001,,ci.learn-teach.v1,,,,,,,5",
        "m002,m001,ng.collaboration.v1,2,2,2,1,1,1,",
      ].join("\n"),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows).toBe(5);
    expect(result.answers.map((answer) => answer.lines)).toEqual([[2, 3, 4, 5], [6]]);
    expect(result.answers[0]?.event).toEqual({
      type: "SurveyAnswered",
      data: {
        roundId: "spring",
        respondent: "m001",
        nominations: [
          { question: "ng.advice.v1", named: ["m002", "m003"] },
          { question: "ng.collaboration.v1", named: ["m002"] },
        ],
        ratings: [
          { memberId: "m002", trust: { reliable: 4, commonConcern: 3, openToDiscussion: 4 }, value: { influence: 2 } },
        ],
        items: [{ question: "ci.learn-teach.v1", value: 5 }],
        occurredAt: "2026-06-15T12:00:00.000Z",
      },
    });
    expect(result.answers[1]?.event.data).toMatchObject({
      respondent: "m002",
      ratings: [{ memberId: "m001", trust: { reliable: 2 }, value: { resources: 1 } }],
    });
  });

  it("reads semicolons, any header case, columns left out, and a row naming nobody", () => {
    const result = parse("Respondent;QUESTION;Named;answeredAt\nm003;ng.advice.v1;;2026-06-10\n");
    expect(result).toMatchObject({
      ok: true,
      answers: [
        {
          event: {
            data: {
              respondent: "m003",
              nominations: [{ question: "ng.advice.v1", named: [] }],
              occurredAt: "2026-06-10T00:00:00Z",
            },
          },
        },
      ],
    });
  });

  it("lists every bad row with its line, column and reason", () => {
    const errors = errorsOf(
      [
        header,
        "m001,m002,ng.gossip.v1,,,,,,,", // 2 unknown question
        "m001,m002,ng.advice.v1,5,,,,,,", // 3 rating out of range
        "m001,m001,ng.advice.v1,,,,,,,", // 4 named = respondent
        "m001,,ci.learn-teach.v1,,,,,,,6", // 5 value out of range
        "m002,m003,ci.learn-teach.v1,,,,,,,3", // 6 a community item naming someone
        "m001,m004,ng.advice.v1,,,,,,,2", // 7 value on a name generator's row
        "m001,,ng.advice.v1,3,,,,,,", // 8 a rating without anyone named
        "m001,m003,rate.trust.v1,3,,,,,,", // 9 a rating block as a question
        "m002,m003,ng.advice.v1,,,,,,,",
        "m002,m003,ng.advice.v1,,,,,,,", // 11 the same row again
        ",m003,ng.advice.v1,,,,,,,", // 12 no respondent
      ].join("\n"),
    );
    expect(errors.map(({ line, column }) => [line, column])).toEqual([
      [2, "question"],
      [3, "reliable"],
      [4, "named"],
      [5, "value"],
      [6, "named"],
      [7, "value"],
      [8, "reliable"],
      [9, "question"],
      [11, "question"],
      [12, "respondent"],
    ]);
    expect(errors[0]?.message).toBe(
      "unknown question 'ng.gossip.v1'; use one of: ng.advice.v1, reported-advice, ng.knowledge.v1, reported-knowledge, ng.collaboration.v1, reported-collaboration, ci.learn-teach.v1, ci.ask-anyone.v1, ci.other-sectors.v1",
    );
    expect(errors[1]?.message).toBe("'5' is not a rating: use a whole number from 1 to 4");
    expect(errors[2]?.message).toMatch(/is the respondent/);
    expect(errors[8]?.message).toBe("repeats line 10: m002 answers it there already");
  });

  it("refuses what the round does not allow, through the survey decider, at each row", () => {
    const errors = errorsOf(
      [
        header,
        "m001,m002,ng.advice.v1,,,,,,,",
        "m001,zed,ng.advice.v1,,,,,,,", // 3 named off the roster
        "m001,m003,ng.knowledge.v1,,,,,,,", // 4 a question this round does not ask
        "m001,,ci.ask-anyone.v1,,,,,,,4", // 5 an item this round does not ask
        "stranger,m002,ng.advice.v1,,,,,,,", // 6, 7 a respondent off the roster, on each of their rows
        "stranger,m003,ng.advice.v1,,,,,,,",
      ].join("\n"),
    );
    expect(errors).toEqual([
      { line: 3, column: "named", message: "is not on the round's roster ('zed')" },
      { line: 4, column: "question", message: "is not a name generator of this round ('ng.knowledge.v1')" },
      { line: 5, column: "question", message: "is not a community item of this round ('ci.ask-anyone.v1')" },
      { line: 6, column: "respondent", message: "'stranger' is not on the round's roster" },
      { line: 7, column: "respondent", message: "'stranger' is not on the round's roster" },
    ]);
  });

  it("refuses ratings of an aspect the round does not ask, at the rating's cell", () => {
    const adviceOnly = surveyRoundOf([opened(["ng.advice.v1", "rate.trust.v1"])]) as SurveyRound;
    expect(errorsOf(`${header}\nm001,m002,ng.advice.v1,3,,,,2,,`, adviceOnly)).toEqual([
      { line: 2, column: "involvement", message: "value ratings are not asked in this round" },
    ]);
  });

  it("refuses a member rated twice with different values, and one answer given two times", () => {
    const errors = errorsOf(
      [
        "respondent,named,question,reliable,answeredAt",
        "m001,m002,ng.advice.v1,3,2026-06-10",
        "m001,m002,ng.collaboration.v1,2,2026-06-11",
      ].join("\n"),
    );
    expect(errors.map(({ line, column }) => [line, column])).toEqual([
      [3, "answeredAt"],
      [3, "reliable"],
    ]);
  });

  it("dates answers at the import, or at answeredAt, inside the round's window only", () => {
    const afterClose = new Date("2026-07-02T00:00:00Z");
    const late = parse(`${header}\nm001,m002,ng.advice.v1,,,,,,,`, spring, afterClose);
    expect(late).toMatchObject({ ok: false, errors: [{ line: 2 }] });
    if (!late.ok) expect(late.errors[0]?.message).toMatch(/has closed.*answeredAt/);
    const dated = parse(
      "respondent,named,question,answeredAt\nm001,m002,ng.advice.v1,2026-06-20T10:00:00+02:00",
      spring,
      afterClose,
    );
    expect(dated).toMatchObject({
      ok: true,
      answers: [{ event: { data: { occurredAt: "2026-06-20T10:00:00+02:00" } } }],
    });
    const early = parse("respondent,named,question,answeredAt\nm001,m002,ng.advice.v1,2026-05-01", spring, afterClose);
    expect(early).toMatchObject({ ok: false, errors: [{ line: 2, column: "answeredAt" }] });
    const future = parse("respondent,named,question,answeredAt\nm001,m002,ng.advice.v1,2026-06-25", spring, now);
    expect(future).toMatchObject({ ok: false, errors: [{ line: 2, column: "answeredAt" }] });
    const notADate = parse("respondent,named,question,answeredAt\nm001,m002,ng.advice.v1,10/06/2026");
    expect(notADate).toMatchObject({ ok: false, errors: [{ line: 2, column: "answeredAt" }] });
  });

  it("stops at a bad header, as other CSV files do", () => {
    expect(errorsOf("respondent,named,rating\nm001,m002,3")).toEqual([
      expect.objectContaining({ line: 1, column: "rating" }),
      expect.objectContaining({ line: 1, column: "question" }),
    ]);
  });

  it("lists every one of many bad rows", () => {
    const rows = Array.from({ length: 1500 }, (_, index) => `m001,m002,ng.advice.v${index + 2},,,,,,,`);
    expect(errorsOf([header, ...rows].join("\n"))).toHaveLength(1500);
  });

  it("is documented in docs/formats.md with an example that imports", () => {
    const docs = readFileSync(new URL("../../../../docs/formats.md", import.meta.url), "utf8");
    const section = docs.slice(docs.indexOf("### Survey answers"));
    for (const column of surveyAnswerColumns) expect(section).toContain(`| \`${column.name}\` |`);
    const example = /```csv\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
    expect(parse(example)).toMatchObject({ ok: true });
  });
});
