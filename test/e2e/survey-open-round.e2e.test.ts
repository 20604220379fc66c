import { join } from "node:path";
import { AccessKeyStore } from "@copgraph/api";
import { beforeAll, expect, it } from "vitest";
import { browserSuite } from "../support/browser-suite.js";
import { DAY } from "../support/community-view.js";
import { surveysPage } from "../support/signed-in-page.js";

// Opening a survey round from the web app on a community with members and nothing recorded yet (a
// survey may be where it starts): with everyone and the whole catalogue, or with some members and
// some questions; closed without an answer, the readings say so.

/** Members and nothing recorded yet. */
const QUIET = "quiet";
const keys = { admin: "", facilitator: "" };
const suite = browserSuite("survey-open-round", {
  env: { COPGRAPH_AUTH: "on", COPGRAPH_DEMO: "0" },
  prepare: (dataDir) => {
    const store = new AccessKeyStore(join(dataDir, "access.sqlite"));
    keys.admin = store.create({ role: "admin", label: "e2e admin" }).secret;
    keys.facilitator = store.create({ role: "facilitator", communities: [QUIET], label: "e2e facilitator" }).secret;
    store.close();
  },
});

beforeAll(async () => {
  const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString();
  const member = (memberId: string, displayName: string, sector: string) => ({
    type: "MemberJoined",
    data: { memberId, displayName, sector, occupationalLayer: "professional", occurredAt: at(29) },
  });
  const response = await fetch(`${suite.server.url}/v1/communities/${QUIET}/events`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${keys.admin}` },
    body: JSON.stringify({
      events: [
        {
          type: "CommunityRegistered",
          data: { communityId: QUIET, name: "Quiet", concern: "Healthy lunches", occurredAt: at(30) },
        },
        member("m1", "Ana Álvarez", "education"),
        member("m2", "Bram de Vries", "health"),
        member("m3", "Chloé Martin", "business"),
      ],
    }),
  });
  expect(response.status, await response.text()).toBe(201);
}, 60_000);

const facilitatorPage = () => surveysPage(suite, keys.facilitator, QUIET);

it("offers survey rounds on the page of a community with nothing recorded yet", async () => {
  const { page, errors } = await facilitatorPage();
  expect(await page.locator("[data-empty]").count()).toBe(1);
  const section = page.locator(".cg-surveys");
  await section.locator("summary", { hasText: "Open a round" }).click();
  await section.getByLabel("Title", { exact: true }).fill("First round");
  await section.getByRole("button", { name: "Open the round" }).click();
  await section.locator('.cg-survey-tracking[data-roster="3"][data-answered="0"]').waitFor();
  // Closed with no answer: the readings say so instead of a table of blanks.
  await section.getByRole("button", { name: "Close the round", exact: true }).click();
  await section.getByRole("button", { name: "Yes, close the round" }).click();
  const results = section.locator(".cg-survey-results");
  await results.locator(".cg-survey-readings-slot[data-state=ready]").waitFor({ timeout: 15_000 });
  expect(await results.locator(".cg-survey-readings").textContent()).toBe(
    "0 of 3 members asked answered (0 %).No one has answered yet: there is nothing to read.",
  );
  expect(errors.filter((e) => !e.includes("401"))).toEqual([]);
  await page.close();
});

it("opens a round that asks some members some questions, and refuses one without a name generator", async () => {
  const { page, errors } = await facilitatorPage();
  const section = page.locator(".cg-surveys");
  await section.locator("summary", { hasText: "Open a round" }).click();
  await section.getByLabel("Title", { exact: true }).fill("Two of three");
  const roster = section.locator(".cg-survey-roster-picker");
  await roster.locator("summary").click();
  await roster.getByLabel("Bram de Vries").uncheck();
  expect(await roster.locator("summary").textContent()).toBe("Who is asked: 2 of 3 current members");
  const questions = section.locator(".cg-survey-question-picker");
  await questions.locator("summary").click();
  for (const prompt of [/go to for advice/, /share knowledge/, /work on something together/])
    await questions.getByLabel(prompt).uncheck();
  await section.getByRole("button", { name: "Open the round" }).click();
  await section.getByText(/^Not opened: tick at least one question of whom they name/).waitFor();
  await questions.getByLabel(/go to for advice/).check();
  await questions.getByLabel("I switch between learning and teaching here.").uncheck();
  expect(await questions.locator("summary").textContent()).toBe("Questions: 5 of 8");
  await section.getByRole("button", { name: "Open the round" }).click();
  await section.locator('.cg-survey-tracking[data-roster="2"][data-answered="0"]').waitFor();
  const listed = await fetch(`${suite.server.url}/v1/communities/${QUIET}/surveys`, {
    headers: { authorization: `Bearer ${keys.facilitator}` },
  });
  const round = (
    (await listed.json()) as { rounds: { title: string; roster: string[]; questions: string[] }[] }
  ).rounds.find((r) => r.title === "Two of three");
  expect(round?.roster).toEqual(["m1", "m3"]);
  expect(round?.questions).toEqual([
    "ng.advice.v1",
    "rate.trust.v1",
    "rate.value.v1",
    "ci.ask-anyone.v1",
    "ci.other-sectors.v1",
  ]);
  expect(errors.filter((e) => !e.includes("401"))).toEqual([]);
  await page.close();
});
