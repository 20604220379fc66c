import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite } from "../support/browser-suite.js";
import { viewHelpers } from "../support/community-view.js";

// The demo communities show every feature: records entered late and corrections, so "as known at"
// changes the picture, and a community whose silo dissolves, so the time slider tells a story.

const DAY = 86_400_000;

interface LoggedEvent {
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly data: { readonly from?: string; readonly to?: readonly string[] };
}
interface GraphTie {
  readonly source: string;
  readonly target: string;
  readonly weight: number;
}
const suite = browserSuite("demo-story");
const { api, openView } = viewHelpers(suite);

const shown = async (page: Page, id: string) =>
  Number(await page.getAttribute(`[data-indicator="${id}"] .cg-value`, "data-value"));

describe("the demo communities' story", () => {
  it("the growing community's sectors mix more and more: its E-I rises along the slider", async () => {
    const { page, errors } = await suite.browser.newPage();
    const { registeredAt } = await api<{ registeredAt: string }>("/v1/communities/activeageing");
    const early = new Date(Date.parse(registeredAt) + 150 * DAY).toISOString();
    await openView(page, errors, `#/c/activeageing?at=${encodeURIComponent(early)}&window=P365D`);
    const then = await shown(page, "silo.ei");
    await openView(page, errors, "#/c/activeageing?window=P365D");
    const now = await shown(page, "silo.ei");
    expect(then).toBeLessThan(-0.2);
    expect(now).toBeGreaterThan(then + 0.4);
    expect(errors).toEqual([]);
  }, 60_000);

  it("as known at a past date, the demo shows what was known then: late records are missing", async () => {
    const { page, errors } = await suite.browser.newPage();
    for (const community of ["healthyschools", "makerlearning", "activeageing"]) {
      const log = await api<{ events: LoggedEvent[] }>(`/v1/communities/${community}/events?limit=10000`);
      // A record entered days after it happened, in the second year of the history.
      const late = log.events.filter(
        (e) =>
          e.type === "InteractionRecorded" &&
          Date.parse(e.recordedAt) - Date.parse(e.occurredAt) > 2 * DAY &&
          Date.parse(e.occurredAt) > Date.now() - 365 * DAY,
      );
      expect(late.length, `${community}: records entered late`).toBeGreaterThan(5);
      const record = late[0] as LoggedEvent;
      const at = new Date(Date.parse(record.occurredAt) + DAY).toISOString();
      const tie = (graph: { ties: GraphTie[] }) =>
        graph.ties.find((t) => t.source === record.data.from && t.target === record.data.to?.[0])?.weight ?? 0;
      const asOf = `at=${encodeURIComponent(at)}`;
      const thenKnown = `${asOf}&knownAt=${encodeURIComponent(at)}`;
      const nowGraph = await api<{ ties: GraphTie[] }>(`/v1/communities/${community}/graph?${asOf}`);
      const thenGraph = await api<{ ties: GraphTie[] }>(`/v1/communities/${community}/graph?${thenKnown}`);
      expect(tie(thenGraph), `${community}: the late record's tie as known then`).toBeLessThan(tie(nowGraph));
      expect(thenGraph.ties.length).toBeGreaterThan(nowGraph.ties.length / 2);
      // The view shows the picture as known then.
      await openView(page, errors, `#/c/${community}?${thenKnown}`);
      expect(await shown(page, "network.ties")).toBe(thenGraph.ties.length);
    }
    const retracted = await api<{ events: LoggedEvent[] }>("/v1/communities/healthyschools/events?limit=10000");
    expect(retracted.events.some((e) => e.type === "RecordRetracted")).toBe(true);
    expect(errors).toEqual([]);
  }, 90_000);

  it("the diverse community's survey round, closed a month ago, shows its reported ties and trust from its close on", async () => {
    const { page, errors } = await suite.browser.newPage();
    const graph = await api<{
      reported: { round: { title: string; answered: number; asked: number; endedAt: string } | null };
      ties: { layers: Record<string, number> }[];
    }>("/v1/communities/makerlearning/graph?layers=reported-advice");
    const round = graph.reported.round;
    expect(round?.title).toBe("Network survey");
    expect(Date.now() - Date.parse(round?.endedAt ?? "")).toBeGreaterThan(31 * DAY);
    expect(round!.answered / round!.asked).toBeGreaterThan(0.6);
    expect(graph.ties.filter((tie) => tie.layers["reported-advice"] === 1).length).toBeGreaterThan(20);

    await openView(page, errors, "#/c/makerlearning?reported=reported-advice");
    const note = page.locator(".cg-reported-note");
    expect(await note.textContent()).toContain(`of ${round!.asked} members asked answered`);
    await page.locator(".cg-reported-readings [data-reading=trust]").waitFor({ timeout: 20_000 });
    // Its chain: reversal and reciprocity are the same pairs in a simulated record, and the page says what that means.
    const surveys = page.locator(".cg-surveys[data-state=ready]");
    await surveys.locator(".cg-survey-list li[data-round=demo-survey] button").click();
    await surveys.locator(".cg-survey-chain-slot[data-state=ready]").waitFor({ timeout: 30_000 });
    expect(await surveys.locator(".cg-survey-chain").textContent()).toContain("cannot be told apart");
    const before = new Date(Date.parse(round!.endedAt) - DAY).toISOString();
    await openView(page, errors, `#/c/makerlearning?reported=reported-advice&at=${encodeURIComponent(before)}`);
    await note.getByText(/^No survey round had closed by /).waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
