import { simulateCommunity } from "@copgraph/simulator";
import { beforeAll, describe, expect, it } from "vitest";
import { colourFor } from "../../web/src/core/palette.js";
import { screenshot } from "../support/browser.js";
import { browserSuite } from "../support/browser-suite.js";
import {
  DAY,
  type El,
  type GraphResponse,
  graphPixels,
  hashParam,
  type IndicatorsResponse,
  smallCommunity,
  viewHelpers,
  type WithView,
} from "../support/community-view.js";

// The community view (#/c/<id>) against a real server (with the demo communities) in Chromium:
// the graph draws and the numbers on screen are the API's (live updates: community-live.e2e.test.ts).

const DEMO = "healthyschools";
const LARGE = "large";
const QUIET = "quietcop";

const suite = browserSuite("community");
const { api, importEvents, openView } = viewHelpers(suite);

beforeAll(async () => {
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
  await importEvents(QUIET, smallCommunity(QUIET, false));
}, 180_000);

describe("community view", () => {
  it("opens a demo community without console errors and draws its graph", async () => {
    const { page, errors } = await suite.browser.newPage();
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
    const { page, errors } = await suite.browser.newPage();
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
    const { page, errors } = await suite.browser.newPage();
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
    const { page, errors } = await suite.browser.newPage();
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
    const { page, errors } = await suite.browser.newPage();
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

  it("stacks the graph and the readings on a tablet", async () => {
    const { page, errors } = await suite.browser.newPage();
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
    const { page } = await suite.browser.newPage();
    await page.goto(`${suite.server.url}/#/c/nosuchcommunity`);
    const alert = page.locator("[role=alert]");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("no community 'nosuchcommunity'");
    await page.close();
  });

  it("tells what to do when a community has no interactions yet", async () => {
    const { page, errors } = await suite.browser.newPage();
    await page.goto(`${suite.server.url}/#/c/${QUIET}`);
    const empty = page.locator("[data-empty]");
    await empty.waitFor();
    expect(await empty.textContent()).toContain("No interactions yet");
    expect(await empty.locator("a").getAttribute("href")).toBe(`#/c/${QUIET}/record`);
    await screenshot(page, "community-empty");
    expect(errors).toEqual([]);
    await page.close();
  });
});
