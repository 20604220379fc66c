import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { countForegroundPixels, screenshot } from "../support/browser.js";
import { browserSuite } from "../support/browser-suite.js";

// The API's answers, as much of them as the test reads (the test package does not depend on the contract).
interface CommunitySummary {
  revision: number;
}
interface EventPage {
  events: { type: string; occurredAt: string; data: Record<string, unknown> }[];
}

// The record page (#/c/<id>/record) on a real server in Chromium: what the forms store, their
// confirmations, server errors next to the right field, and the CSV preview that stores nothing.
const suite = browserSuite("record", { env: { COPGRAPH_DEMO: "0" } });
const ID = "garden";
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${suite.server.url}${path}`);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}
const revision = async () => (await api<CommunitySummary>(`/v1/communities/${ID}`)).revision;
const eventsAfter = async (rev: number) =>
  (await api<EventPage>(`/v1/communities/${ID}/events?from=${rev + 1}`)).events;

/** Deliberate 4xx answers show in Chrome's console as failed loads; anything else is a fault. */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of 4(00|22)/.test(e));

async function openRecord(page: Page, form = "gathering"): Promise<void> {
  await page.goto(`${suite.server.url}/#/c/${ID}/record?form=${form}`);
  // The member search is ready once the members are loaded.
  await page.getByText(/\d+ members to search/).waitFor();
}

beforeAll(async () => {
  const member = (memberId: string, displayName: string, sector: string, occupationalLayer: string) => ({
    type: "MemberJoined",
    data: { memberId, displayName, sector, occupationalLayer, occurredAt: daysAgo(30) },
  });
  const response = await fetch(`${suite.server.url}/v1/communities/${ID}/events`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      events: [
        {
          type: "CommunityRegistered",
          data: {
            communityId: ID,
            name: "Community Garden Network",
            concern: "Growing food together",
            occurredAt: daysAgo(60),
          },
        },
        member("m1", "Ada Jansen", "education", "professional"),
        member("m2", "Bo Bakker", "health", "director"),
        member("m3", "Cas Smit", "business", "student"),
        member("m4", "Dee Visser", "civil-society", "management"),
      ],
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
}, 120_000);

it("loads with every control labelled, reachable by keyboard, and no console errors", async () => {
  const { page, errors } = await suite.browser.newPage();
  await openRecord(page);
  const unlabelled = await page
    .locator("#app")
    .evaluate((root) =>
      [...root.querySelectorAll("input, select, textarea")]
        .filter((el) => !(el as { labels?: { length: number } }).labels?.length && !el.getAttribute("aria-label"))
        .map((el) => el.outerHTML),
    );
  expect(unlabelled).toEqual([]);
  const form = page.locator("#rec-panel-gathering");
  expect(await form.getByLabel("Date", { exact: true }).inputValue()).toBe(new Date().toISOString().slice(0, 10));
  expect(await form.locator(".rec-row").count()).toBe(2);

  // From the title, the keyboard reaches the submit button through the form's controls.
  await form.getByLabel("Title", { exact: true }).focus();
  let reached = false;
  for (let presses = 0; presses < 30 && !reached; presses++) {
    await page.keyboard.press("Tab");
    reached = (await page.evaluate("document.activeElement?.textContent")) === "Log the gathering";
  }
  expect(reached).toBe(true);

  const image = await screenshot(page, "record-gathering");
  expect(countForegroundPixels(image)).toBeGreaterThan(1000);
  await page.setViewportSize({ width: 768, height: 1024 });
  expect(await page.locator("html").evaluate((el) => el.scrollWidth)).toBeLessThanOrEqual(768);
  await screenshot(page, "record-gathering-tablet");
  expect(errors).toEqual([]);
  await page.close();
});

it("logs a gathering through the form, with a server error next to the right participant first", async () => {
  const { page, errors } = await suite.browser.newPage();
  await openRecord(page);
  const form = page.locator("#rec-panel-gathering");
  const before = await revision();

  await form.getByLabel("Title", { exact: true }).fill("Raised beds workshop");
  await form.getByLabel("Format", { exact: true }).selectOption("workshop");
  await form.getByLabel("Place", { exact: true }).fill("Makerspace Oost");
  await form.getByLabel("Duration in minutes", { exact: true }).fill("90");
  await form.getByLabel("Participant 1: member", { exact: true }).fill("m1");
  await form.getByLabel("Participant 2: member", { exact: true }).fill("nobody");
  await form.getByLabel("Participant 2: role", { exact: true }).selectOption("learner");
  await form.getByRole("button", { name: "Log the gathering" }).click();

  // The server's 422 for /participants/1/memberId lands on participant 2's member field.
  const secondRow = form.locator(".rec-row").nth(1);
  const message = secondRow.locator(".rec-error:not([hidden])");
  await message.waitFor();
  expect(await message.textContent()).toContain("member nobody has not joined");
  expect(await form.getByLabel("Participant 2: member", { exact: true }).getAttribute("aria-invalid")).toBe("true");
  expect(await form.locator(".rec-row").nth(0).locator(".rec-error:not([hidden])").count()).toBe(0);
  expect(await revision()).toBe(before);
  await screenshot(page, "record-gathering-error");

  // Fixed, with a third participant: stored, confirmed, with a link back to the community.
  await form.getByLabel("Participant 2: member", { exact: true }).fill("m2");
  await form.getByRole("button", { name: "Add a participant" }).click();
  await form.getByLabel("Participant 3: member", { exact: true }).fill("m3");
  await form.getByRole("button", { name: "Log the gathering" }).click();
  const success = form.locator(".rec-success");
  await success.waitFor();
  expect(await success.textContent()).toContain("Gathering logged: 3 participants, workshop at Makerspace Oost");
  expect(await success.locator(`a[href="#/c/${ID}"]`).count()).toBe(1);
  expect(await form.locator(".rec-error:not([hidden])").count()).toBe(0);
  await screenshot(page, "record-gathering-success");

  const [stored] = await eventsAfter(before);
  expect(stored?.type).toBe("GatheringHeld");
  expect(stored?.data).toMatchObject({
    title: "Raised beds workshop",
    format: "workshop",
    place: "Makerspace Oost",
    durationMinutes: 90,
    participants: [
      { memberId: "m1", role: "facilitator" },
      { memberId: "m2", role: "learner" },
      { memberId: "m3", role: "participant" },
    ],
  });
  expect(stored?.occurredAt.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
  expect(await revision()).toBe(before + 1);

  // Where the group met is personal: the browser keeps none of it, only the format used last.
  const browserStorage = await page.evaluate<string>("JSON.stringify({ ...localStorage, ...sessionStorage })");
  expect(browserStorage).not.toContain("Makerspace Oost");

  // Next time, the usual format is filled in, the place is not; one participant is refused at once.
  await page.reload();
  await openRecord(page);
  expect(await form.getByLabel("Place", { exact: true }).inputValue()).toBe("");
  expect(await form.getByLabel("Format", { exact: true }).inputValue()).toBe("workshop");
  await form.getByLabel("Participant 1: member", { exact: true }).fill("m1");
  await form.getByRole("button", { name: "Remove participant 2" }).click();
  await form.getByRole("button", { name: "Log the gathering" }).click();
  const groupError = form.locator("fieldset .rec-error:not([hidden])").last();
  await groupError.waitFor();
  expect(await groupError.textContent()).toContain("at least two participants");
  expect(await revision()).toBe(before + 1);
  expect(unexpected(errors)).toEqual([]);
  await page.close();
});

it("logs an interaction and puts an unknown recipient's error on that recipient", async () => {
  const { page, errors } = await suite.browser.newPage();
  await openRecord(page, "interaction");
  const form = page.locator("#rec-panel-interaction");
  const before = await revision();
  await form.getByLabel("Kind", { exact: true }).selectOption("mentoring");
  await form.getByLabel("From (who gave)", { exact: true }).fill("m2");
  await form.getByLabel("Recipient 1", { exact: true }).fill("m3");
  await form.getByRole("button", { name: "Add a recipient" }).click();
  await form.getByLabel("Recipient 2", { exact: true }).fill("ghost");
  await form.getByLabel("Topics", { exact: true }).fill("soil, compost");
  await form.getByRole("button", { name: "Log the interaction" }).click();
  const message = form.locator(".rec-row").nth(1).locator(".rec-error:not([hidden])");
  await message.waitFor();
  expect(await message.textContent()).toContain("member ghost has not joined");
  expect(await revision()).toBe(before);

  await form.getByLabel("Recipient 2", { exact: true }).fill("m4");
  await form.getByRole("button", { name: "Log the interaction" }).click();
  await form.locator(".rec-success").waitFor();
  const [stored] = await eventsAfter(before);
  expect(stored?.type).toBe("InteractionRecorded");
  expect(stored?.data).toMatchObject({ kind: "mentoring", from: "m2", to: ["m3", "m4"], topics: ["soil", "compost"] });
  expect(unexpected(errors)).toEqual([]);
  await page.close();
});

it("adds a member, who can then be found in the member search", async () => {
  const { page, errors } = await suite.browser.newPage();
  await openRecord(page, "member");
  const form = page.locator("#rec-panel-member");
  const before = await revision();
  await form.getByLabel("Name", { exact: true }).fill("Eli de Vries");
  await form.getByLabel("Member id", { exact: true }).fill("m5");
  await form.getByLabel("Sector", { exact: true }).selectOption("research");
  await form.getByLabel("Occupational layer", { exact: true }).selectOption("director");
  await form.getByLabel("Attribute 1: name", { exact: true }).fill("region");
  await form.getByLabel("Attribute 1: value", { exact: true }).fill("north");
  await form.getByRole("button", { name: "Add the member" }).click();
  await form.locator(".rec-success").waitFor();
  expect(await form.locator(".rec-success").textContent()).toContain("Eli de Vries joined");
  const [stored] = await eventsAfter(before);
  expect(stored?.data).toMatchObject({ memberId: "m5", sector: "research", attributes: { region: "north" } });
  expect(await page.locator("#rec-members option[value=m5]").count()).toBe(1);
  await screenshot(page, "record-member");
  expect(unexpected(errors)).toEqual([]);
  await page.close();
});

it("shows a CSV's bad row with its line, column and reason and stores nothing; fixed, it imports", async () => {
  const { page, errors } = await suite.browser.newPage();
  await openRecord(page);
  await page.getByRole("button", { name: "Import a CSV" }).click();
  const panel = page.locator("#rec-panel-csv");
  expect(await panel.getByRole("link", { name: "Download the members template" }).getAttribute("href")).toBe(
    "/v1/imports/csv/members/template",
  );
  const joined = daysAgo(10).slice(0, 10);
  const csv = (sector: string) =>
    Buffer.from(
      [
        "memberId,displayName,sector,occupationalLayer,joinedAt",
        `c1,Fay Mulder,education,professional,${joined}`,
        `c2,Gus de Boer,${sector},director,${joined}`,
        `c3,Hal Peters,business,student,${joined}`,
        "",
      ].join("\r\n"),
    );
  const before = await revision();
  const file = panel.locator("input[type=file]");

  await file.setInputFiles({ name: "members.csv", mimeType: "text/csv", buffer: csv("heath") });
  const problems = panel.locator(".rec-csv-problems");
  await problems.waitFor();
  const rows = problems.locator("tbody tr");
  expect(await rows.count()).toBe(1);
  expect(await rows.first().getAttribute("data-line")).toBe("3");
  expect(await rows.first().getAttribute("data-column")).toBe("sector");
  expect(await rows.first().textContent()).toContain("'heath' is not allowed");
  expect(await rows.first().textContent()).toContain("c2,Gus de Boer,heath");
  expect(await panel.getByRole("button", { name: "Import them" }).count()).toBe(0);
  await screenshot(page, "record-csv-error");
  expect(await revision()).toBe(before);
  expect(await eventsAfter(before)).toEqual([]);

  // The fixed file: checked first (still nothing stored), imported once confirmed.
  await file.setInputFiles({ name: "members.csv", mimeType: "text/csv", buffer: csv("health") });
  const valid = panel.locator(".rec-csv-valid");
  await valid.waitFor();
  expect(await valid.textContent()).toContain("3 rows are valid");
  expect(await revision()).toBe(before);
  await screenshot(page, "record-csv-valid");
  await panel.getByRole("button", { name: "Import them" }).click();
  const success = panel.locator(".rec-success");
  await success.waitFor();
  expect(await success.textContent()).toContain("Imported members.csv: 3 members stored");
  const stored = await eventsAfter(before);
  expect(stored.map((event) => [event.type, event.data.memberId])).toEqual([
    ["MemberJoined", "c1"],
    ["MemberJoined", "c2"],
    ["MemberJoined", "c3"],
  ]);
  expect(stored[1]?.data.sector).toBe("health");
  expect(unexpected(errors)).toEqual([]);
  await page.close();
});

it("says so when the community does not exist", async () => {
  const { page, errors } = await suite.browser.newPage();
  await page.goto(`${suite.server.url}/#/c/nowhere/record`);
  const alert = page.locator("[role=alert]");
  await alert.waitFor();
  expect(await alert.textContent()).toContain("There is no community “nowhere”");
  expect(await alert.locator('a[href="#/"]').count()).toBe(1);
  expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
  await page.close();
});
