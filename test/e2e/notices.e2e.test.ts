import { beforeAll, expect, it } from "vitest";
import { screenshot } from "../support/browser.js";
import { browserSuite } from "../support/browser-suite.js";
import { viewHelpers } from "../support/community-view.js";

// Notices in the web app: on the overview card and in the community view, each with its date and
// a link to that date on the slider; a notice found while the view is open appears without a reload.

const suite = browserSuite("notices", { env: { COPGRAPH_DEMO: "0" } });
const { api, post, importEvents, openView } = viewHelpers(suite);

interface NoticeList {
  notices: { id: string; at: string; link: string }[];
}

const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString();
const joined = (memberId: string, sector: string) => ({
  type: "MemberJoined",
  data: { memberId, displayName: `Member ${memberId}`, sector, occupationalLayer: "professional", occurredAt: day(0) },
});
const advice = (interactionId: string, from: string, to: string, on: number) => ({
  type: "InteractionRecorded",
  data: { interactionId, kind: "advice", from, to: [to], occurredAt: day(on) },
});
const EI_NOTICE = "2025-02-17T00:00:00.000Z";
const QUIET_NOTICE = "2025-02-10T00:00:00.000Z";

beforeAll(async () => {
  await importEvents("river", [
    { type: "CommunityRegistered", data: { communityId: "river", name: "River", concern: "x", occurredAt: day(0) } },
    ...["e1", "e2", "e3"].map((id) => joined(id, "education")),
    ...["b1", "b2", "b3"].map((id) => joined(id, "business")),
    advice("across", "e1", "b1", 3),
  ]);
  await post("/v1/communities/river/watches", { condition: { kind: "below-baseline", indicator: "silo.ei" } });
  await post("/v1/communities/river/watches", { condition: { kind: "no-gathering", days: 30 } });
  // E-I falls below its baseline on Tuesday 11 February 2025: noticed on the Monday after.
  const inside = ["e1:e2", "e2:e3", "e1:e3", "b1:b2", "b2:b3", "b1:b3"].map((pair) => pair.split(":"));
  await importEvents(
    "river",
    inside.map(([from, to], index) => advice(`inside${index}`, from as string, to as string, 41)),
  );
  const dates = async () => (await api<NoticeList>("/v1/communities/river/notices")).notices.map((n) => n.at);
  for (const until = Date.now() + 10_000; !(await dates()).includes(EI_NOTICE); ) {
    if (Date.now() > until) throw new Error(`no notice on ${EI_NOTICE}: ${await dates()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 60_000);

it("shows the notices on the overview card, dated, with a link to that date on the slider", async () => {
  const { page, errors } = await suite.browser.newPage();
  await page.goto(`${suite.server.url}/#/`);
  const notices = page.locator('article.ov-card[data-community="river"] .cg-notices[data-state="ready"]');
  await notices.waitFor({ timeout: 10_000 });
  const notice = notices.locator(`li.cg-notice[data-at="${EI_NOTICE}"]`);
  expect(await notice.locator("time").textContent()).toBe("17 Feb 2025");
  expect(await notice.textContent()).toMatch(/fell below its baseline: -0\.71 against 0\.20/);
  expect(await notice.locator("a").getAttribute("href")).toBe(`#/c/river?at=${EI_NOTICE}`);
  await screenshot(page, "notices-overview", 'article.ov-card[data-community="river"]');
  expect(errors).toEqual([]);
  await page.close();
});

it("shows them in the community view, adds a new one live, and its link moves the slider to that date", async () => {
  const { page, errors } = await suite.browser.newPage();
  await openView(page, errors, "#/c/river");
  const panel = page.locator('.cg-notices[data-state="ready"]');
  await panel.waitFor({ timeout: 10_000 });
  await panel.locator(`li.cg-notice[data-at="${EI_NOTICE}"]`).waitFor();
  expect(await panel.locator(`li.cg-notice[data-at="${QUIET_NOTICE}"]`).count()).toBe(0);

  // A gathering on 11 January, logged now: 30 days without one end on 10 February, a new notice.
  await post("/v1/communities/river/gatherings", {
    gatheringId: "g1",
    format: "workshop",
    occurredAt: day(10),
    participants: [
      { memberId: "e1", role: "facilitator" },
      { memberId: "b1", role: "participant" },
    ],
  });
  const quiet = panel.locator(`li.cg-notice[data-at="${QUIET_NOTICE}"]`);
  await quiet.waitFor({ timeout: 10_000 });
  expect(await quiet.textContent()).toContain("No gathering for 30 days.");

  await panel.locator(`li.cg-notice[data-at="${EI_NOTICE}"] a`).click();
  await page.waitForFunction(
    (at) =>
      decodeURIComponent((globalThis as unknown as { location: { hash: string } }).location.hash).includes(`at=${at}`),
    EI_NOTICE,
  );
  await page.waitForSelector(".cg-indicators[data-state=ready]");
  await screenshot(page, "notices-community");
  expect(errors).toEqual([]);
  await page.close();
});

it("lets a facilitator set a watch from the community view, dated over the whole history, and stop watching", async () => {
  const inside = ["e1:e2", "e2:e3", "e1:e3", "b1:b2", "b2:b3", "b1:b3"].map((pair) => pair.split(":"));
  await importEvents("lake", [
    { type: "CommunityRegistered", data: { communityId: "lake", name: "Lake", concern: "x", occurredAt: day(0) } },
    ...["e1", "e2", "e3"].map((id) => joined(id, "education")),
    ...["b1", "b2", "b3"].map((id) => joined(id, "business")),
    advice("across", "e1", "b1", 3),
    ...inside.map(([from, to], index) => advice(`inside${index}`, from as string, to as string, 41)),
  ]);
  const { page, errors } = await suite.browser.newPage();
  await openView(page, errors, "#/c/lake");
  const panel = page.locator('.cg-notices[data-state="ready"]');
  await panel.waitFor({ timeout: 10_000 });
  expect(await panel.locator(".cg-notice-none").textContent()).toBe("Nothing you watch has happened.");
  await panel.locator(".cg-watch summary").click();
  await panel.locator(".cg-watch-list li", { hasText: "Nothing watched yet." }).waitFor();
  await panel.getByLabel("Tell me when").selectOption({ label: "Mixing across sectors falls below random mixing" });
  await panel.getByRole("button", { name: "Watch", exact: true }).click();
  // Set today, dated when it first held: the Monday after E-I fell below its baseline.
  await panel.locator(`li.cg-notice[data-at="${EI_NOTICE}"]`).waitFor({ timeout: 10_000 });
  const watched = panel.locator(".cg-watch-list li[data-watch]");
  expect(await watched.textContent()).toContain("Mixing across sectors falls below random mixing");
  await screenshot(page, "notices-watch-form", ".cg-notices");
  await watched.getByRole("button", { name: /Stop watching/ }).click();
  await panel.locator(".cg-watch-list li", { hasText: "Nothing watched yet." }).waitFor();
  await panel.locator(".cg-notice-none", { hasText: "Nothing you watch has happened." }).waitFor();
  expect((await api<{ watches: unknown[] }>("/v1/communities/lake/watches")).watches).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);
