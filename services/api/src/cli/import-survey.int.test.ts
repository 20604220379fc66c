// `copgraph import --survey`: a round's answers from a CSV file into the data folder, all or nothing.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PersonalVault } from "@copgraph/community";
import { openSqliteEventStore } from "@copgraph/event-store";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { seedCommunity } from "../testing/test-app.js";
import { importCommand } from "./import.js";
import { InputError } from "./usage-error.js";

const day = 24 * 60 * 60 * 1000;

describe("copgraph import --survey", () => {
  let dir: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "copgraph-survey-cli-"));
    const store = openSqliteEventStore({ path: join(dir, "events.sqlite") });
    const vault = PersonalVault.inDataDir(dir);
    const app = await buildApp({ store, personalVault: vault, clock: () => new Date() });
    await seedCommunity(app);
    const opened = await app.inject({
      method: "POST",
      url: "/v1/communities/town/surveys",
      payload: {
        roundId: "spring",
        title: "Spring",
        opensAt: new Date(Date.now() - day).toISOString(),
        closesAt: new Date(Date.now() + 30 * day).toISOString(),
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    await app.close();
    await store.close();
    vault.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (content: string, ...flags: string[]) => {
    const file = join(dir, "answers.csv");
    writeFileSync(file, content);
    return importCommand([file, "--survey", "spring", "--community", "town", "--data-dir", dir, ...flags]);
  };
  const storedTypes = async () => {
    const store = openSqliteEventStore({ path: join(dir, "events.sqlite") });
    try {
      return (await store.readStream("surveys-town-spring")).map((event) => event.type);
    } finally {
      await store.close();
    }
  };

  it("checks on --dry-run, then records one answer per respondent", async () => {
    const csv = "respondent,named,question,reliable\nana,ben,ng.advice.v1,4\nben,ana,reported-advice,3\n";
    expect(await run(csv, "--dry-run")).toBe(0);
    expect(await storedTypes()).toEqual(["SurveyRoundOpened"]);
    expect(await run(csv)).toBe(0);
    expect(await storedTypes()).toEqual(["SurveyRoundOpened", "SurveyAnswered", "SurveyAnswered"]);
  });

  it("lists every bad row and stores nothing", async () => {
    const refused = run(
      "respondent,named,question\nana,ben,ng.advice.v1\nzed,ben,ng.advice.v1\nana,ana,ng.knowledge.v1\n",
    );
    await expect(refused).rejects.toThrow(InputError);
    await expect(refused).rejects.toThrow(
      /2 problem\(s\); nothing was stored\n {2}line 3, respondent: 'zed'.*\n {2}line 4, named/,
    );
    expect(await storedTypes()).toEqual(["SurveyRoundOpened"]);
  });
});
