import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AccessKeyStore } from "@copgraph/api";
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { screenshot } from "../support/browser.js";
import { browserSuite } from "../support/browser-suite.js";
import { DAY } from "../support/community-view.js";
import { surveysPage } from "../support/signed-in-page.js";
import { answer, DEAD, parseLinks, picker, point, rated, ready, scale } from "../support/survey-respondent.js";

// Issue 17's acceptance, in Chromium, on a server that requires keys: a facilitator opens a survey
// round on a community of 12, downloads the links for a mail merge, and watches the response rate
// rise live while 10 respondents answer from their links on a 390 px phone (no key, the token only
// in a header); two come back to change their answer, one withdraws, one link is reissued, and the
// facilitator closes the round, after which every link gets the one "does not work" page.
// At the close, the round's trust readings and its chain test show with the response rate; on the
// graph, the reported layers and trust readings appear from the round's close date on.

const COMMUNITY = "harbour";
const keys = { admin: "", facilitator: "", researcher: "" };
const suite = browserSuite("survey-round", {
  env: { COPGRAPH_AUTH: "on", COPGRAPH_DEMO: "0" },
  prepare: (dataDir) => {
    const store = new AccessKeyStore(join(dataDir, "access.sqlite"));
    keys.admin = store.create({ role: "admin", label: "e2e admin" }).secret;
    keys.facilitator = store.create({
      role: "facilitator",
      communities: [COMMUNITY],
      label: "e2e facilitator",
    }).secret;
    keys.researcher = store.create({ role: "researcher", communities: [COMMUNITY], label: "e2e researcher" }).secret;
    store.close();
  },
});

const NAMES = [
  "Ana Álvarez",
  "Bram de Vries",
  "Chloé Martin",
  "Dawit Bekele",
  "Eva Novak",
  "Farid Haddad",
  "Grace Obi",
  "Hiro Tanaka",
  "Inès Dubois",
  "Jonas Berg",
  "Kofi Mensah",
  "Lena Schmidt",
];
const SECTORS = ["education", "health", "business"];
const LAYERS = ["professional", "management"];
/** The graph of the open view, as much as these tests read of it (the test tsconfig has no DOM library). */
type ReportedView = {
  copgraphView?: {
    graph: { forEachEdge(each: (key: string, data: { layers: Record<string, number> }) => void): void };
  };
};

beforeAll(async () => {
  const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString();
  const events = [
    {
      type: "CommunityRegistered",
      data: { communityId: COMMUNITY, name: "Harbour schools", concern: "Healthy lunches", occurredAt: at(30) },
    },
    ...NAMES.map((displayName, index) => ({
      type: "MemberJoined",
      data: {
        memberId: `m${index + 1}`,
        displayName,
        sector: SECTORS[index % SECTORS.length],
        occupationalLayer: LAYERS[index % LAYERS.length],
        occurredAt: at(29),
      },
    })),
    {
      type: "InteractionRecorded",
      data: { interactionId: "i1", kind: "advice", from: "m1", to: ["m2"], occurredAt: at(10) },
    },
  ];
  // The suite's helper sends no key: this server wants one.
  const response = await fetch(`${suite.server.url}/v1/communities/${COMMUNITY}/events`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${keys.admin}` },
    body: JSON.stringify({ events }),
  });
  expect(response.status, await response.text()).toBe(201);
}, 60_000);

/** The facilitator signed in, on the community page, its Surveys section read. */
const facilitatorPage = () => surveysPage(suite, keys.facilitator, COMMUNITY);

/** Every request the respondent's pages make, to check the token never rides in a URL or a Referer. */
const requests: { url: string; referer: string }[] = [];

/** A respondent's page on a phone, opened from their link. */
async function respondentPage(link: string): Promise<{ page: Page; errors: string[] }> {
  const opened = await suite.browser.newPage();
  await opened.page.setViewportSize({ width: 390, height: 844 });
  opened.page.on("request", (request) => {
    requests.push({ url: request.url(), referer: request.headers().referer ?? "" });
  });
  await opened.page.goto(link);
  return opened;
}

it("runs a round: open, links, 10 answers on a phone seen live, changes, a withdrawal, a reissue, close", async () => {
  const facilitator = await facilitatorPage();
  const fp = facilitator.page;
  const section = fp.locator(".cg-surveys");
  const tracking = (answered: number) => section.locator(`.cg-survey-tracking[data-answered="${answered}"]`);

  // Open a round: the roster is every current member, the questions the whole catalogue.
  await section.locator("summary", { hasText: "Open a round" }).click();
  await section.getByLabel("Title", { exact: true }).fill("Spring 2026");
  await section.getByRole("button", { name: "Open the round" }).click();
  await section.locator(".cg-survey-detail h3", { hasText: "Spring 2026" }).waitFor();
  await tracking(0).waitFor();
  expect(await section.locator(".cg-survey-list li").first().textContent()).toContain("0 of 12 answered");

  // The links for a mail merge, shown once: a second download without "replace" has none.
  const [download] = await Promise.all([
    fp.waitForEvent("download"),
    section.getByRole("button", { name: "Download the links (CSV)" }).click(),
  ]);
  const csv = readFileSync((await download.path()) as string, "utf8");
  expect(csv.split(/\r?\n/)[0]).toBe("memberId,displayName,link");
  expect(csv).toContain("Lena Schmidt");
  const links = parseLinks(csv);
  expect(links.size).toBe(12);
  for (const link of links.values())
    expect(link).toMatch(new RegExp(`^${suite.server.url}/#/survey/[A-Za-z0-9_-]{22,}$`));
  await section.getByRole("button", { name: "Download the links (CSV)" }).click();
  await section.getByText(/No new link: everyone on the roster has one/).waitFor();

  // Ten respondents answer on a phone; the facilitator's page follows without a reload.
  const respondentErrors: string[] = [];
  for (let index = 0; index < 10; index += 1) {
    const { page, errors } = await respondentPage(links.get(`m${index + 1}`) as string);
    await answer(page, NAMES, (index + 1) % 12, (index + 2) % 12);
    if (index === 0) {
      // Mobile first: nothing wider than the phone, the consent text before the questions.
      expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
      // The versioned consent text, as the server gives it.
      expect(await page.locator(".sv-consent-text[data-consent='consent.v3']").textContent()).toContain(
        "never to the people you rated",
      );
      await screenshot(page, "survey-respondent-phone");
    }
    await tracking(index + 1).waitFor({ timeout: 10_000 });
    respondentErrors.push(...errors);
    await page.close();
  }
  expect(await section.locator(".cg-survey-rate").textContent()).toContain("83% answered");
  expect(await section.locator(".cg-survey-missing li").allTextContents()).toEqual(["Kofi Mensah", "Lena Schmidt"]);

  // Two come back later: they see their saved answer and change it.
  for (const [memberId, named] of [
    ["m1", 1],
    ["m2", 2],
  ] as const) {
    const link = links.get(memberId) as string;
    const again = await respondentPage(link);
    await ready(again.page);
    const advice = picker(again.page, "ng.advice.v1");
    expect(await advice.getByLabel(NAMES[named] as string, { exact: true }).isChecked()).toBe(true);
    const person = rated(again.page, `m${named + 1}`);
    expect(await point(scale(person, "does what they say"), 3).isChecked()).toBe(true);
    await point(scale(person, "does what they say"), 4).check();
    await advice.getByLabel(NAMES[named + 1] as string, { exact: true }).uncheck();
    await again.page.getByRole("button", { name: "Save my answer" }).click();
    await again.page.getByText(/^Saved /).waitFor();
    respondentErrors.push(...again.errors);
    await again.page.close();

    const third = await respondentPage(link);
    await ready(third.page);
    expect(await point(scale(rated(third.page, `m${named + 1}`), "does what they say"), 4).isChecked()).toBe(true);
    expect(
      await picker(third.page, "ng.advice.v1")
        .getByLabel(NAMES[named + 1] as string, { exact: true })
        .isChecked(),
    ).toBe(false);
    respondentErrors.push(...third.errors);
    await third.page.close();
  }
  await tracking(10).waitFor();

  // One withdraws, after a confirmation: the rate falls live.
  const leaving = await respondentPage(links.get("m3") as string);
  await ready(leaving.page);
  await leaving.page.getByRole("button", { name: "Withdraw my answer", exact: true }).click();
  await leaving.page.getByRole("button", { name: "Yes, withdraw my answer" }).click();
  await leaving.page.getByText(/^Your answer is withdrawn/).waitFor();
  expect(await leaving.page.locator("article.sv-page[data-saved]").count()).toBe(0);
  respondentErrors.push(...leaving.errors);
  await leaving.page.close();
  await section.locator('.cg-survey-tracking[data-answered="9"][data-withdrawn="1"]').waitFor({ timeout: 10_000 });

  // A lost link is reissued: the old one stops working, the new one opens the survey.
  await section.getByLabel("Member", { exact: true }).selectOption({ label: "Lena Schmidt" });
  await section.getByRole("button", { name: "New link" }).click();
  const reissued = await section.locator("#cg-survey-new-link").inputValue();
  expect(reissued).toMatch(/#\/survey\//);
  expect(reissued).not.toBe(links.get("m12"));
  const old = await respondentPage(links.get("m12") as string);
  await old.page.getByText(DEAD).waitFor();
  await old.page.close();
  const renewed = await respondentPage(reissued);
  await answer(renewed.page, NAMES, 0, 4);
  respondentErrors.push(...renewed.errors);
  await renewed.page.close();
  await tracking(10).waitFor({ timeout: 10_000 });
  await screenshot(fp, "survey-round-tracking", ".cg-surveys");

  // The facilitator closes the round: every link now gets the one answer.
  await section.getByRole("button", { name: "Close the round", exact: true }).click();
  await section.getByRole("button", { name: "Yes, close the round" }).click();
  await section.locator('.cg-survey-list li[data-status="closed"]').waitFor();
  // At the close the round's readings state who answered and read trust in sentences; the chain is tested.
  const results = section.locator(".cg-survey-results");
  await results.locator(".cg-survey-readings-slot[data-state=ready]").waitFor({ timeout: 15_000 });
  expect(await results.locator(".cg-survey-answered").textContent()).toMatch(
    /^10 of 12 members asked answered \(83 %\)/,
  );
  expect(await results.locator('[data-reading="trust"]').textContent()).toMatch(/^Trust\d\.\d\d of 4 on average/);
  expect(await results.locator('[data-reading="reciprocity-reported-advice"]').textContent()).toContain(
    "over dyads in which both answered",
  );
  await results.locator(".cg-survey-chain-slot[data-state=ready]").waitFor({ timeout: 15_000 });
  expect(await results.locator(".cg-survey-chain tbody tr").count()).toBe(3);
  await screenshot(fp, "survey-round-readings", ".cg-surveys");
  const closed = await respondentPage(links.get("m1") as string);
  await closed.page.getByText(DEAD).waitFor();
  await closed.page.close();

  // The token travelled only in a header: no request URL or Referer holds one.
  const tokens = [...links.values(), reissued].map((link) => link.split("/#/survey/")[1] as string);
  for (const { url, referer } of requests)
    for (const token of tokens) {
      expect(url).not.toContain(token);
      expect(referer).not.toContain(token);
    }
  expect(respondentErrors).toEqual([]);
  // The sign-in page's first "who am I" answers 401 before the key is given.
  expect(facilitator.errors.filter((e) => !e.includes("401"))).toEqual([]);
  await fp.close();
}, 90_000);

it("draws the closed round's reported ties and trust readings from its close date on, with the response rate", async () => {
  const { page, errors } = await facilitatorPage();
  await page.locator(".cg-indicators[data-state=ready]").waitFor({ timeout: 30_000 });
  const reportedEdges = () =>
    page.evaluate(() => {
      const graph = (globalThis as unknown as ReportedView).copgraphView?.graph;
      let count = 0;
      graph?.forEachEdge((_key, data) => {
        if (data.layers["reported-advice"] === 1) count++;
      });
      return count;
    });
  expect(await reportedEdges()).toBe(0);
  // The slider marks where the round closed.
  await page.locator("#cg-time[list=cg-time-marks]").waitFor({ state: "attached", timeout: 15_000 });
  expect(await page.locator("#cg-time-marks option").getAttribute("label")).toMatch(
    /^Spring 2026 closed \d+ \w+ \d{4}$/,
  );
  await page.locator(".cg-layers summary").click();
  await page.getByLabel("went to for advice").check();
  expect(await page.locator(".cg-layers summary").textContent()).toBe("Tie layers (8 of 8 + 1 reported)");
  const note = page.locator(".cg-reported-note");
  await note.getByText(/^Reported ties from “Spring 2026”, closed /).waitFor({ timeout: 15_000 });
  expect(await note.textContent()).toContain("10 of 12 members asked answered (83 %)");
  // Each of the ten named two people for advice.
  await expect.poll(reportedEdges).toBeGreaterThanOrEqual(10);
  const trust = page.locator(".cg-indicators .cg-reported-readings");
  await trust.locator('[data-reading="trust"]').waitFor({ timeout: 15_000 });
  expect(await trust.locator(".cg-survey-answered").textContent()).toMatch(/^10 of 12 members asked answered \(83 %\)/);
  expect(await trust.locator('[data-reading="trust"]').textContent()).toMatch(/^Trust\d\.\d\d of 4 on average/);
  await screenshot(page, "survey-reported-layers");

  // A week back the round had not closed: no reported tie, no survey reading; forward again, back they come.
  await page.focus("#cg-time");
  await page.keyboard.press("ArrowLeft");
  await note.getByText(/^No survey round had closed by /).waitFor({ timeout: 15_000 });
  await expect.poll(reportedEdges).toBe(0);
  expect(await trust.isHidden()).toBe(true);
  await page.keyboard.press("End");
  await note.getByText(/^Reported ties from “Spring 2026”/).waitFor({ timeout: 15_000 });
  await expect.poll(reportedEdges).toBeGreaterThanOrEqual(10);
  expect(new URLSearchParams(new URL(page.url()).hash.split("?")[1]).get("reported")).toBe("reported-advice");
  expect(errors.filter((e) => !e.includes("401"))).toEqual([]);
  await page.close();
}, 60_000);

it("a researcher reads a round's readings and its chain, not its links, respondents or names", async () => {
  const { page, errors } = await surveysPage(suite, keys.researcher, COMMUNITY);
  const section = page.locator(".cg-surveys[data-state=ready]");
  await section.locator(".cg-survey-list li button").first().click();
  await section.locator(".cg-survey-readings-slot[data-state=ready]").waitFor({ timeout: 15_000 });
  await section.locator(".cg-survey-chain-slot[data-state=ready]").waitFor({ timeout: 15_000 });
  expect(await section.locator(".cg-survey-answered").textContent()).toMatch(/of 12 members asked answered/);
  expect(await section.getByText("Open a round").count()).toBe(0);
  expect(await section.getByRole("button", { name: /links/i }).count()).toBe(0);
  expect(await section.locator(".cg-survey-tracking-slot").count()).toBe(0);
  const text = (await section.textContent()) ?? "";
  for (const name of NAMES) expect(text).not.toContain(name);
  expect(errors.filter((e) => !e.includes("401"))).toEqual([]);
  await page.close();
}, 60_000);

it("answers a link that opens nothing with the one sentence, saying nothing of why", async () => {
  const { page, errors } = await respondentPage(`${suite.server.url}/#/survey/${"x".repeat(43)}`);
  await page.locator(".sv-dead[data-state=not-found]").waitFor({ timeout: 15_000 });
  expect(await page.locator(".sv-dead").textContent()).toContain(DEAD);
  expect(await page.locator("form").count()).toBe(0);
  // The browser itself logs the refused request; the page adds nothing.
  expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
  await page.close();
});
