import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type CommunityWriter, PersonalData, PersonalVault } from "@copgraph/community";
import { type SurveyAnsweredData, type SurveyEvent, surveyStreamOf } from "@copgraph/domain";
import { type EventStore, openSqliteEventStore } from "@copgraph/event-store";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { refuseAppends } from "../testing/data-dir-dump.js";
import { surveyRoundOpened } from "../testing/survey-round-opened.js";
import { SurveyLog } from "./survey-log.js";

// An answer's ratings and items are personal data (docs/decisions/0020): the log keeps the ties,
// the vault the ratings and items, and reading a round joins them back.

let dir: string;
let store: EventStore;
let vault: PersonalVault;
let erased: Set<string>;
let log: SurveyLog;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "copgraph-survey-vault-"));
  store = openSqliteEventStore({ path: join(dir, "events.sqlite") });
  vault = PersonalVault.inMemory();
  erased = new Set();
  // Only who was erased is asked of the community (to read version-1 answers).
  const members = { current: async () => ({ state: { members: membersErased() } }) };
  log = new SurveyLog(store, new PersonalData(vault, store), members as unknown as CommunityWriter);
});
afterEach(async () => {
  vault.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});
const membersErased = () => new Map([...erased].map((memberId) => [memberId, { erased: true }]));

const opened = surveyRoundOpened({ questions: ["ng.advice.v1", "rate.trust.v1", "ci.learn-teach.v1"] });
const anaRatesBenAndCem: SurveyAnsweredData = {
  roundId: "r1",
  respondent: "ana",
  nominations: [{ question: "ng.advice.v1", named: ["ben", "cem"] }],
  ratings: [
    { memberId: "ben", trust: { reliable: 4, commonConcern: 3 } },
    { memberId: "cem", trust: { openToDiscussion: 1 } },
  ],
  items: [{ question: "ci.learn-teach.v1", value: 5 }],
  occurredAt: "2026-03-02T00:00:00Z",
};
const answered = (data: SurveyAnsweredData): SurveyEvent => ({ type: "SurveyAnswered", data });
const stored = async () => store.readStream(surveyStreamOf("town", "r1"));
const answerOf = async (respondent: string, knownAt?: string) =>
  (await log.round("town", "r1", knownAt))?.answers.get(respondent)?.body;
const vaultRows = async () => {
  const ids = (await stored()).map((event) => event.id);
  return [...vault.valuesOf("town", ids).values()].flatMap((values) => Object.keys(values));
};

describe("an answer's ratings and items", () => {
  it("are filed in the vault, not the log, and read back with the round", async () => {
    await log.append("town", opened, "key:test", "2026-03-01T00:00:00Z");
    await log.append("town", answered(anaRatesBenAndCem), "survey-link:ana", "2026-03-02T00:00:00Z");
    const [, recorded] = await stored();
    expect(recorded?.metadata.schemaVersion).toBe(2);
    expect(recorded?.data).toEqual({
      roundId: "r1",
      respondent: "ana",
      nominations: anaRatesBenAndCem.nominations,
      ratingsAndItems: "vault",
      occurredAt: "2026-03-02T00:00:00Z",
    });
    expect((await vaultRows()).sort()).toEqual(["items", "rating:ben", "rating:cem"]);
    const { roundId: _r, respondent: _a, occurredAt: _o, ...body } = anaRatesBenAndCem;
    expect(await answerOf("ana")).toEqual(body);
    expect(vault.unsettled()).toEqual(new Map());
  });

  it("go with a withdrawal: known before it, the answer keeps its ties but no longer its ratings", async () => {
    await log.append("town", opened, "key:test", "2026-03-01T00:00:00Z");
    await log.append("town", answered(anaRatesBenAndCem), "survey-link:ana", "2026-03-02T00:00:00Z");
    const changed = {
      ...anaRatesBenAndCem,
      ratings: [anaRatesBenAndCem.ratings[1]!],
      occurredAt: "2026-03-03T00:00:00Z",
    };
    await log.append("town", answered(changed), "survey-link:ana", "2026-03-03T00:00:00Z");
    const benAnswers = { ...anaRatesBenAndCem, respondent: "ben", nominations: [], ratings: [] };
    await log.append("town", answered(benAnswers), "survey-link:ben", "2026-03-03T00:00:00Z");
    const withdrawal = { roundId: "r1", respondent: "ana", occurredAt: "2026-03-04T00:00:00Z" };
    await log.append(
      "town",
      { type: "SurveyAnswerWithdrawn", data: withdrawal },
      "survey-link:ana",
      withdrawal.occurredAt,
    );
    // Both of ana's answers lose their values; ben's items stay.
    expect(await vaultRows()).toEqual(["items"]);
    expect(await answerOf("ana", "2026-03-02T12:00:00Z")).toEqual({
      nominations: anaRatesBenAndCem.nominations,
      ratings: [],
      items: [],
    });
    expect(await answerOf("ana")).toBeUndefined();
    expect((await answerOf("ben"))?.items).toEqual(benAnswers.items);
  });

  it("of an answer withdrawn are not read even before they are deleted, and go with the round's next write", async () => {
    await log.append("town", opened, "key:test", "2026-03-01T00:00:00Z");
    await log.append("town", answered(anaRatesBenAndCem), "survey-link:ana", "2026-03-02T00:00:00Z");
    // A crash between the withdrawal's append and the deletion of the answer's values.
    await store.appendToStream(surveyStreamOf("town", "r1"), [
      {
        id: randomUUID(),
        type: "SurveyAnswerWithdrawn",
        data: { roundId: "r1", respondent: "ana", occurredAt: "2026-03-04T00:00:00Z" },
        metadata: { schemaVersion: 1, recordedAt: "2026-03-04T00:00:00Z", recordedBy: "survey-link:ana" },
      },
    ]);
    expect((await vaultRows()).sort()).toEqual(["items", "rating:ben", "rating:cem"]);
    expect(await answerOf("ana", "2026-03-03T00:00:00Z")).toEqual({
      nominations: anaRatesBenAndCem.nominations,
      ratings: [],
      items: [],
    });
    const benAnswers = { ...anaRatesBenAndCem, respondent: "ben", nominations: [], ratings: [], items: [] };
    await log.append("town", answered(benAnswers), "survey-link:ben", "2026-03-05T00:00:00Z");
    expect(await vaultRows()).toEqual([]);
  });

  it("leave nothing in the vault when the append is refused", async () => {
    await log.append("town", opened, "key:test", "2026-03-01T00:00:00Z");
    refuseAppends(dir);
    await expect(
      log.append("town", answered(anaRatesBenAndCem), "survey-link:ana", "2026-03-02T00:00:00Z"),
    ).rejects.toThrow(/appends refused/);
    expect(vault.unsettled()).toEqual(new Map());
    expect(vault.forgetFields("town", "respondent", ["items", "rating:ben", "rating:cem"])).toBe(0);
  });

  it("of a version-1 answer (inline in the log) still load, without the parts of members erased since", async () => {
    await log.append("town", opened, "key:test", "2026-03-01T00:00:00Z");
    const rating = (memberId: string, reliable: number) => ({ memberId, trust: { reliable } });
    const version1 = (respondent: string, ratings: { memberId: string }[]) => ({
      ...anaRatesBenAndCem,
      respondent,
      nominations: [{ question: "ng.advice.v1", named: ratings.map((r) => r.memberId) }],
      ratings,
    });
    const answers = [
      anaRatesBenAndCem,
      version1("ben", [rating("ana", 2), rating("cem", 3)]),
      version1("cem", [rating("ana", 1)]),
    ];
    await store.appendToStream(
      surveyStreamOf("town", "r1"),
      answers.map((data) => ({
        id: randomUUID(),
        type: "SurveyAnswered",
        data: { ...data },
        metadata: { schemaVersion: 1, recordedAt: "2026-03-02T00:00:00Z", recordedBy: "survey-link" },
      })),
    );
    expect((await answerOf("ana"))?.ratings).toEqual(anaRatesBenAndCem.ratings);
    const withdrawal = { roundId: "r1", respondent: "cem", occurredAt: "2026-03-03T00:00:00Z" };
    await log.append(
      "town",
      { type: "SurveyAnswerWithdrawn", data: withdrawal },
      "survey-link:cem",
      withdrawal.occurredAt,
    );
    // Known before the withdrawal, cem's answer counts with its ties only, as a filed one would.
    expect(await answerOf("cem", "2026-03-02T12:00:00Z")).toEqual({
      nominations: answers[2]!.nominations,
      ratings: [],
      items: [],
    });
    erased.add("ana");
    expect(await answerOf("ana")).toEqual({ nominations: anaRatesBenAndCem.nominations, ratings: [], items: [] });
    expect(await answerOf("ben")).toEqual({
      nominations: answers[1]!.nominations,
      ratings: [rating("cem", 3)],
      items: anaRatesBenAndCem.items,
    });
  });
});
