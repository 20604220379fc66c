import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileSurveyAnswer, type SurveyAnsweredData, surveyStreamOf } from "@copgraph/domain";
import { type EventStore, openSqliteEventStore } from "@copgraph/event-store";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PersonalData } from "./personal-data.js";
import { PersonalVault } from "./personal-vault.js";

// Survey answers' ratings and items in the vault (docs/decisions/0020): filed under the respondent,
// one value per member rated, so that erasure deletes what a member gave and what was given about them.

let dir: string;
let store: EventStore;
let vault: PersonalVault;
let personal: PersonalData;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "copgraph-survey-vault-"));
  store = openSqliteEventStore({ path: join(dir, "events.sqlite") });
  vault = PersonalVault.inMemory();
  personal = new PersonalData(vault, store);
});
afterEach(async () => {
  vault.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const answer = (respondent: string, rated: string[], items = true): SurveyAnsweredData => ({
  roundId: "r1",
  respondent,
  nominations: [{ question: "ng.advice.v1", named: rated }],
  ratings: rated.map((memberId) => ({ memberId, trust: { reliable: 4 } })),
  items: items ? [{ question: "ci.learn-teach.v1", value: 3 }] : [],
  occurredAt: "2026-03-02T00:00:00Z",
});

/** Files the answers' values under the given event ids and settles them, as SurveyLog does. */
async function file(communityId: string, answers: Record<string, SurveyAnsweredData>): Promise<void> {
  const filed = await personal.keepSurveyAnswers(
    communityId,
    Object.entries(answers).map(([eventId, data]) => ({
      eventId,
      respondent: data.respondent,
      values: fileSurveyAnswer(data).personal,
    })),
  );
  personal.settle(communityId, filed);
}

const fieldsOf = (communityId: string, eventIds: string[]) =>
  Object.fromEntries(
    [...personal.surveyAnswerValues(communityId, eventIds)].map(([id, values]) => [id, Object.keys(values).sort()]),
  );

describe("survey answers in the vault", () => {
  it("erasing a member forgets the ratings and items they gave and every rating about them, in every round", async () => {
    await file("town", {
      a1: answer("ana", ["ben", "cem"]),
      b1: answer("ben", ["ana", "cem"]),
      b2: answer("ben", ["ana"], false),
      c1: answer("cem", ["ben"]),
    });
    await file("city", { x1: answer("ben", ["ana"]) });
    // Ben gave 3 + 1 values; 2 ratings were about him.
    expect(await personal.forget("town", ["ben"])).toBe(6);
    expect(fieldsOf("town", ["a1", "b1", "b2", "c1"])).toEqual({ a1: ["items", "rating:cem"], c1: ["items"] });
    expect(fieldsOf("city", ["x1"])).toEqual({ x1: ["items", "rating:ana"] });
  });

  it("a member's profile holds none of their survey values", async () => {
    await vault.put("town", [
      { eventId: "j1", subject: { kind: "member", id: "ana" }, values: { displayName: "Ana" } },
    ]);
    await file("town", { a1: answer("ana", ["ben"]) });
    expect(personal.profileOf("town", "ana")).toEqual({ displayName: "Ana" });
  });

  it("a withdrawal forgets the values of the answers named, and only those", async () => {
    await file("town", { a1: answer("ana", ["ben"]), a2: answer("ana", ["cem"]), b1: answer("ben", ["ana"]) });
    expect(personal.forgetSurveyAnswers("town", ["a1", "a2"])).toBe(4);
    expect(Object.keys(fieldsOf("town", ["a1", "a2", "b1"]))).toEqual(["b1"]);
  });

  it("at start, keeps the values of answers a round's stream holds and discards those of answers never stored", async () => {
    const stored = answer("ana", ["ben"]);
    const [a1, lost] = [randomUUID(), randomUUID()];
    await store.appendToStream(surveyStreamOf("town", "r1"), [
      { id: a1, type: "SurveyAnswered", data: { ...fileSurveyAnswer(stored).body }, metadata: { schemaVersion: 2 } },
    ]);
    await personal.keepSurveyAnswers("town", [
      { eventId: a1, respondent: "ana", values: fileSurveyAnswer(stored).personal },
      { eventId: lost, respondent: "ben", values: fileSurveyAnswer(answer("ben", ["ana"])).personal },
    ]);
    expect(await personal.recover()).toEqual({ discarded: 1, erased: 0 });
    expect(Object.keys(fieldsOf("town", [a1, lost]))).toEqual([a1]);
    expect(vault.unsettled()).toEqual(new Map());
  });
});
