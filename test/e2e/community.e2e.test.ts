import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simulateCommunity } from "@copgraph/simulator";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { colourFor } from "../../web/src/core/palette.js";
import { type Browser, countForegroundPixels, ensureWebBuilt, launchBrowser, screenshot } from "../support/browser.js";
import { type ServerProcess, startServerProcess } from "../support/server-process.js";

// The community view (#/c/<id>) against a real server (with the demo communities) in Chromium:
// the graph draws, the numbers on screen are the API's, and the log is followed live.

const DAY = 24 * 60 * 60 * 1000;
const DEMO = "healthyschools";
const LARGE = "large";
const LIVE = "livecop";
const QUIET = "quietcop";

let server: ServerProcess;
let browser: Browser;
const dataDir = mkdtempSync(join(tmpdir(), "copgraph-e2e-community-"));

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${server.url}${path}`, init);
  if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const post = (path: string, body: unknown) =>
  api(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

/** Appends events in batches of at most 10,000 (the API's limit). */
async function importEvents(communityId: string, events: readonly unknown[]): Promise<void> {
  for (let start = 0; start < events.length; start += 10_000) {
    await post(`/v1/communities/${communityId}/events`, { events: events.slice(start, start + 10_000) });
  }
}

/** A small community: registered a month ago, four members, one advice m1 → m2 (or none). */
function smallCommunity(communityId: string, withInteraction: boolean): unknown[] {
  const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString();
  const member = (memberId: string, sector: string, occupationalLayer: string) => ({
    type: "MemberJoined",
    data: { memberId, displayName: `Member ${memberId}`, sector, occupationalLayer, occurredAt: at(29) },
  });
  return [
    {
      type: "CommunityRegistered",
      data: { communityId, name: `Community ${communityId}`, concern: "Healthy lunches", occurredAt: at(30) },
    },
    member("m1", "education", "professional"),
    member("m2", "health", "director"),
    member("m3", "business", "student"),
    member("m4", "education", "management"),
    ...(withInteraction
      ? [
          {
            type: "InteractionRecorded",
            data: { interactionId: "i1", kind: "advice", from: "m1", to: ["m2"], occurredAt: at(10) },
          },
        ]
      : []),
  ];
}

// The API's answers, as far as these tests read them (the test package does not depend on the contract).
interface GraphResponse {
  nodes: { id: string; attributes: Record<string, string> }[];
  ties: { source: string; target: string }[];
}
interface IndicatorsResponse {
  indicators: Record<
    string,
    { value: number | null; baseline?: number | null; byGroup?: Record<string, number | null> }
  >;
}
/** The few DOM members the page callbacks use (the test tsconfig has no DOM library). */
interface El {
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): Iterable<El>;
}

interface TestView {
  renderer: {
    getNodeDisplayData(id: string): { color: string; highlighted: boolean } | undefined;
    getCamera(): { getState(): { x: number; y: number; ratio: number } };
  };
  graph: {
    order: number;
    size: number;
    hasEdge(key: string): boolean;
    forEachNode(callback: (id: string, data: { x: number; y: number }) => void): void;
  };
}
type WithView = { copgraphView?: TestView };
const hashParam = (page: Page, name: string) => new URLSearchParams(new URL(page.url()).hash.split("?")[1]).get(name);

/** Opens the view and waits until its graph and readings are in and the layout has stopped. */
async function openView(page: Page, errors: string[], hash: string, timeout = 20_000): Promise<void> {
  await page.goto(`${server.url}/${hash}`);
  try {
    await page.waitForSelector(".cg-indicators[data-state=ready]", { timeout });
    await page.waitForSelector(".cg-sigma[data-layout=settled]", { state: "attached", timeout });
  } catch (error) {
    // Say why: a missing asset (web/dist rebuilt under the server) or a failed request shows here.
    throw new Error(`the view did not load: ${(error as Error).message}\npage errors: ${errors.join("\n")}`);
  }
}

/** Foreground pixels of the graph canvas area only (the legend sits beside it, not over it). */
async function graphPixels(page: Page, name: string): Promise<number> {
  return countForegroundPixels(await screenshot(page, name, ".cg-sigma"));
}

beforeAll(async () => {
  ensureWebBuilt();
  server = await startServerProcess(dataDir);
  browser = await launchBrowser();
  // About 2,000 members and 10,000 ties: interactions only, over six months.
  const end = Date.now() - DAY;
  const { events } = simulateCommunity({
    communityId: LARGE,
    seed: 5,
    start: end - 180 * DAY,
    end,
    initialMembers: 2000,
    growth: 0,
    churn: 0,
    interactionsPerMemberPerMonth: 0.62,
    gatheringsPerMonth: 0,
    retractionRate: 0,
    profileChangeRate: 0,
  });
  await importEvents(LARGE, events);
  await importEvents(LIVE, smallCommunity(LIVE, true));
  await importEvents(QUIET, smallCommunity(QUIET, false));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("community view", () => {
  it("opens a demo community without console errors and draws its graph", async () => {
    const { page, errors } = await browser.newPage();
    await openView(page, errors, `#/c/${DEMO}`);
    await screenshot(page, "community-demo");
    expect(await graphPixels(page, "community-demo-graph")).toBeGreaterThan(5_000);
    const graph = await api<GraphResponse>(`/v1/communities/${DEMO}/graph`);
    expect(await page.evaluate(() => (globalThis as unknown as WithView).copgraphView?.graph.order)).toBe(
      graph.nodes.length,
    );
    // The legend is on screen and names the sectors present.
    const legend = await page.locator(".cg-legend [data-category]").allTextContents();
    expect(legend.length).toBeGreaterThan(1);
    await expect(page.locator(".cg-legend").isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("draws a simulated community of 2,000 members and about 10,000 ties", async () => {
    const { page, errors } = await browser.newPage();
    await openView(page, errors, `#/c/${LARGE}`, 90_000);
    const graph = await api<GraphResponse>(`/v1/communities/${LARGE}/graph`);
    expect(graph.nodes.length).toBe(2000);
    expect(graph.ties.length).toBeGreaterThan(9_000);
    expect(graph.ties.length).toBeLessThan(11_000);
    const shown = await page.evaluate(() => {
      const view = (globalThis as unknown as WithView).copgraphView;
      return { order: view?.graph.order, size: view?.graph.size };
    });
    expect(shown).toEqual({ order: graph.nodes.length, size: graph.ties.length });
    await screenshot(page, "community-large");
    expect(await graphPixels(page, "community-large-graph")).toBeGreaterThan(20_000);
    expect(errors).toEqual([]);
    await page.close();
  }, 150_000);

  it("shows exactly the API's indicator values for the date the time slider is moved to", async () => {
    const { page, errors } = await browser.newPage();
    await openView(page, errors, `#/c/${DEMO}`);
    const tiesNow = await page.getAttribute('[data-indicator="network.ties"] .cg-value', "data-value");
    const positions = () =>
      page.evaluate(() => {
        const graph = (globalThis as unknown as WithView).copgraphView?.graph;
        const out: Record<string, [number, number]> = {};
        graph?.forEachNode((id, data) => {
          out[id] = [data.x, data.y];
        });
        return out;
      });
    const placesBefore = await positions();
    await page.focus("#cg-time");
    await page.keyboard.press("Home");
    for (let step = 0; step < 30; step++) await page.keyboard.press("ArrowRight");
    // The last position wins: wait for the readings of the date now in the URL.
    await expect.poll(() => hashParam(page, "at")).not.toBeNull();
    const at = hashParam(page, "at") as string;
    await page.locator(`.cg-indicators[data-state=ready][data-at="${at}"]`).waitFor();
    await screenshot(page, "community-slider");
    // Members keep their place as time moves (replay grows the picture, it does not redraw it).
    await page.waitForSelector(".cg-sigma[data-layout=settled]", { state: "attached" });
    const placesAfter = await positions();
    const common = Object.keys(placesAfter).filter((id) => placesBefore[id]);
    expect(common.length).toBeGreaterThan(10);
    for (const id of common) expect(placesAfter[id], id).toEqual(placesBefore[id]);

    const shown = await page.$$eval("[data-indicator]", (elements) =>
      (elements as unknown as El[]).map((element) => ({
        id: element.getAttribute("data-indicator") as string,
        attribute: element.getAttribute("data-attribute") as string,
        value: element.querySelector(".cg-value")?.getAttribute("data-value"),
        baseline: element.querySelector(".cg-baseline")?.getAttribute("data-baseline") ?? undefined,
        groups: [...element.querySelectorAll("[data-group]")].map((cell) => [
          cell.getAttribute("data-group"),
          cell.getAttribute("data-value"),
        ]),
      })),
    );
    expect(shown.length).toBeGreaterThanOrEqual(9);
    const text = (value: number | null | undefined) => (value === null || value === undefined ? "null" : String(value));
    for (const attribute of new Set(shown.map((item) => item.attribute))) {
      const query = new URLSearchParams({ at, attribute });
      const answer = await api<IndicatorsResponse>(`/v1/communities/${DEMO}/indicators?${query}`);
      for (const item of shown.filter((entry) => entry.attribute === attribute)) {
        const value = answer.indicators[item.id];
        expect(value, item.id).toBeDefined();
        expect(item.value, `${item.id} (${attribute})`).toBe(text(value?.value));
        if (item.baseline !== undefined) expect(item.baseline, `${item.id} baseline`).toBe(text(value?.baseline));
        for (const [group, groupValue] of item.groups) {
          expect(groupValue, `${item.id} ${group}`).toBe(text(value?.byGroup?.[group as string]));
        }
      }
    }
    // The date took effect: fewer ties back then than now.
    const tiesThen = shown.find((item) => item.id === "network.ties")?.value;
    expect(Number(tiesThen)).toBeLessThan(Number(tiesNow));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("colours the nodes and the legend by the chosen attribute", async () => {
    const { page, errors } = await browser.newPage();
    await openView(page, errors, `#/c/${DEMO}`);
    const graph = await api<GraphResponse>(`/v1/communities/${DEMO}/graph`);
    const sample = graph.nodes.slice(0, 12);
    const coloursOf = () =>
      page.evaluate(
        (ids) =>
          ids.map((id) => (globalThis as unknown as WithView).copgraphView?.renderer.getNodeDisplayData(id)?.color),
        sample.map((node) => node.id),
      );
    const legendOf = () =>
      page.$$eval(".cg-legend [data-category]", (items) =>
        (items as unknown as El[]).map((item) => [
          item.getAttribute("data-category"),
          item.getAttribute("data-colour"),
        ]),
      );

    const bySector = await coloursOf();
    expect(bySector).toEqual(sample.map((node) => colourFor("sector", node.attributes.sector)));
    const sectorLegend = await legendOf();
    expect(new Set(sectorLegend.map(([category]) => category))).toEqual(
      new Set(graph.nodes.map((node) => node.attributes.sector)),
    );

    await page.selectOption("#cg-colour", "occupationalLayer");
    await page.locator(".cg-legend-title", { hasText: "occupational layer" }).waitFor();
    await page.waitForSelector(".cg-indicators[data-state=ready]");
    const layerLegend = await legendOf();
    expect(new Set(layerLegend.map(([category]) => category))).toEqual(
      new Set(graph.nodes.map((node) => node.attributes.occupationalLayer)),
    );
    expect(layerLegend).not.toEqual(sectorLegend);
    const byLayer = await coloursOf();
    const legendColour = new Map(layerLegend.map(([category, colour]) => [category, colour]));
    expect(byLayer).toEqual(sample.map((node) => legendColour.get(node.attributes.occupationalLayer as string)));
    expect(byLayer).toEqual(sample.map((node) => colourFor("occupationalLayer", node.attributes.occupationalLayer)));
    expect(byLayer).not.toEqual(bySector);
    expect(hashParam(page, "attribute")).toBe("occupationalLayer");
    await screenshot(page, "community-colour-by-layer");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("focuses a member found with the search box and opens their panel", async () => {
    const { page, errors } = await browser.newPage();
    await openView(page, errors, `#/c/${DEMO}`);
    const camera = () =>
      page.evaluate(() => (globalThis as unknown as WithView).copgraphView?.renderer.getCamera().getState() ?? null);
    const before = await camera();
    await page.getByLabel("Find a member", { exact: true }).fill("m5");
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-member-panel][data-member-id="m5"] .cg-attributes');
    const panel = await page.locator("[data-member-panel]").textContent();
    expect(panel).toContain("Position in the network");
    expect(panel).not.toMatch(/rank|score|top /i);
    expect(
      await page.evaluate(
        () => (globalThis as unknown as WithView).copgraphView?.renderer.getNodeDisplayData("m5")?.highlighted,
      ),
    ).toBe(true);
    await expect.poll(camera, { timeout: 5_000 }).not.toEqual(before);
    expect((await camera())?.ratio).toBeLessThan(before?.ratio ?? 1);
    expect(hashParam(page, "member")).toBe("m5");
    await screenshot(page, "community-member");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows an interaction logged through the API within 2 s, without a reload", async () => {
    const { page, errors } = await browser.newPage();
    await openView(page, errors, `#/c/${LIVE}`);
    const tiesBefore = await page.getAttribute('[data-indicator="network.ties"] .cg-value', "data-value");
    expect(tiesBefore).toBe("1");
    const hasTie = () =>
      page.evaluate(() => (globalThis as unknown as WithView).copgraphView?.graph.hasEdge("m3->m4") ?? false);
    expect(await hasTie()).toBe(false);
    await page.evaluate(() => {
      (globalThis as { marker?: boolean }).marker = true;
    });

    await post(`/v1/communities/${LIVE}/interactions`, {
      kind: "advice",
      from: "m3",
      to: ["m4"],
      occurredAt: new Date(Date.now() - 1000).toISOString(),
    });
    await expect.poll(hasTie, { timeout: 2_000, interval: 100 }).toBe(true);
    const ties = () => page.getAttribute('[data-indicator="network.ties"] .cg-value', "data-value");
    await expect.poll(ties, { timeout: 2_000, interval: 100 }).toBe("2");
    // Every changed reading is the API's: ties, and the members now active.
    const answer = await api<IndicatorsResponse>(
      `/v1/communities/${LIVE}/indicators?indicators=network.ties,activity.active_members`,
    );
    expect(await ties()).toBe(String(answer.indicators["network.ties"]?.value));
    expect(await page.getAttribute('[data-indicator="activity.active_members"] .cg-value', "data-value")).toBe(
      String(answer.indicators["activity.active_members"]?.value),
    );
    expect(answer.indicators["activity.active_members"]?.value).toBe(4);
    // Same document: no reload happened.
    expect(await page.evaluate(() => (globalThis as { marker?: boolean }).marker)).toBe(true);
    await screenshot(page, "community-live");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows a gathering logged through the record form within 2 s, without a reload", async () => {
    const view = await browser.newPage();
    await openView(view.page, view.errors, `#/c/${LIVE}`);
    const hasTie = () =>
      view.page.evaluate(() => (globalThis as unknown as WithView).copgraphView?.graph.hasEdge("m2->m4") ?? false);
    expect(await hasTie()).toBe(false);
    await view.page.evaluate(() => {
      (globalThis as { marker?: boolean }).marker = true;
    });

    // The facilitator's form, in a second tab.
    const record = await browser.newPage();
    await record.page.goto(`${server.url}/#/c/${LIVE}/record?form=gathering`);
    await record.page.getByText(/\d+ members to search/).waitFor();
    const form = record.page.locator("#rec-panel-gathering");
    await form.getByLabel("Format", { exact: true }).selectOption("makerspace");
    await form.getByLabel("Participant 1: member", { exact: true }).fill("m2");
    await form.getByLabel("Participant 1: role", { exact: true }).selectOption("facilitator");
    await form.getByLabel("Participant 2: member", { exact: true }).fill("m4");
    await form.getByLabel("Participant 2: role", { exact: true }).selectOption("learner");
    await form.getByRole("button", { name: "Log the gathering" }).click();
    await form.locator(".rec-success").waitFor();

    await expect.poll(hasTie, { timeout: 2_000, interval: 100 }).toBe(true);
    const answer = await api<IndicatorsResponse>(
      `/v1/communities/${LIVE}/indicators?indicators=network.ties,roles.dual_role_share`,
    );
    const shown = (id: string) => view.page.getAttribute(`[data-indicator="${id}"] .cg-value`, "data-value");
    await expect
      .poll(() => shown("network.ties"), { timeout: 2_000, interval: 100 })
      .toBe(String(answer.indicators["network.ties"]?.value));
    expect(await view.page.evaluate(() => (globalThis as { marker?: boolean }).marker)).toBe(true);
    await screenshot(view.page, "community-live-gathering");
    expect(view.errors).toEqual([]);
    expect(record.errors).toEqual([]);
    await view.page.close();
    await record.page.close();
  });

  it("stacks the graph and the readings on a tablet", async () => {
    const { page, errors } = await browser.newPage();
    await page.setViewportSize({ width: 768, height: 1024 });
    await openView(page, errors, `#/c/${DEMO}`);
    const graph = await page.locator(".cg-graph-card").boundingBox();
    const side = await page.locator(".cg-side").boundingBox();
    expect(graph && side && side.y >= graph.y + graph.height - 1).toBe(true);
    expect(graph?.width).toBeLessThanOrEqual(768);
    await expect(page.locator(".cg-legend").isVisible()).resolves.toBe(true);
    expect(await graphPixels(page, "community-tablet-graph")).toBeGreaterThan(5_000);
    await screenshot(page, "community-tablet");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows the API's problem when a community does not exist", async () => {
    const { page } = await browser.newPage();
    await page.goto(`${server.url}/#/c/nosuchcommunity`);
    const alert = page.locator("[role=alert]");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("no community 'nosuchcommunity'");
    await page.close();
  });

  it("tells what to do when a community has no interactions yet", async () => {
    const { page, errors } = await browser.newPage();
    await page.goto(`${server.url}/#/c/${QUIET}`);
    const empty = page.locator("[data-empty]");
    await empty.waitFor();
    expect(await empty.textContent()).toContain("No interactions yet");
    expect(await empty.locator("a").getAttribute("href")).toBe(`#/c/${QUIET}/record`);
    await screenshot(page, "community-empty");
    expect(errors).toEqual([]);
    await page.close();
  });
});
