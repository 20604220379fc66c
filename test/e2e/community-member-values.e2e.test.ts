import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite } from "../support/browser-suite.js";
import { viewHelpers } from "../support/community-view.js";

// What the community view draws from per-member values, which the API gives only when asked
// (the graph: the size measure's indicator; silo clusters: with details=members): node sizes by
// betweenness or brokerage, and the members and the cluster list of silo clusters.

/** A demo community with silo clusters. */
const DEMO = "healthyschools";
/** The colour of members outside the silo clusters when the clusters are shown (appearance.ts). */
const DIMMED = "#dfe2e7";

const suite = browserSuite("member-values");
const { api, openView } = viewHelpers(suite);

type MemberValues = Record<string, number | null>;
interface Drawn {
  values: Record<string, MemberValues>;
  sizes: Record<string, number>;
  colours: Record<string, string>;
}
interface DrawnView {
  renderer: { getNodeDisplayData(id: string): { size: number; color: string } | undefined };
  graph: { forEachNode(callback: (id: string, data: { indicators: MemberValues }) => void): void };
}

const drawn = (page: Page) =>
  page.evaluate(() => {
    const view = (globalThis as unknown as { copgraphView?: DrawnView }).copgraphView;
    const out: Drawn = { values: {}, sizes: {}, colours: {} };
    view?.graph.forEachNode((id, data) => {
      out.values[id] = data.indicators;
      out.sizes[id] = view.renderer.getNodeDisplayData(id)?.size ?? -1;
      out.colours[id] = view.renderer.getNodeDisplayData(id)?.color ?? "";
    });
    return out;
  });

async function byMember(indicator: string): Promise<MemberValues> {
  const url = `/v1/communities/${DEMO}/indicators?indicators=${indicator}&details=members&pageSize=5000`;
  const answer = await api<{ indicators: Record<string, { byMember: MemberValues }> }>(url);
  return answer.indicators[indicator]?.byMember ?? {};
}

/** A larger value never gets a smaller node. */
function expectSizesFollow(values: MemberValues, sizes: Record<string, number>): void {
  const ids = Object.keys(sizes);
  const value = (id: string) => values[id] ?? 0;
  const largest = ids.reduce((top, id) => (value(id) > value(top) ? id : top));
  expect(value(largest)).toBeGreaterThan(0);
  for (const id of ids) expect(sizes[id], id).toBeLessThanOrEqual(sizes[largest] as number);
  for (const a of ids)
    for (const b of ids)
      if (value(a) > value(b)) expect(sizes[a], `${a} > ${b}`).toBeGreaterThanOrEqual(sizes[b] as number);
}

describe("per-member values in the community view", () => {
  it("sizes members by the API's betweenness, and reads brokerage when that measure is chosen", async () => {
    const { page, errors } = await suite.browser.newPage();
    await openView(page, errors, `#/c/${DEMO}?size=betweenness`);
    const betweenness = await byMember("network.betweenness");
    const first = await drawn(page);
    expect(Object.keys(first.values).length).toBeGreaterThan(10);
    for (const [id, values] of Object.entries(first.values)) {
      expect(values["network.betweenness"], id).toBe(betweenness[id] ?? null);
    }
    expectSizesFollow(betweenness, first.sizes);

    await page.selectOption("#cg-size", "brokerage");
    await expect
      .poll(async () => Object.values((await drawn(page)).values).every((values) => "silo.brokerage" in values))
      .toBe(true);
    const brokerage = await byMember("silo.brokerage");
    const second = await drawn(page);
    for (const [id, values] of Object.entries(second.values))
      expect(values["silo.brokerage"], id).toBe(brokerage[id] ?? null);
    await expect.poll(async () => drawn(page).then((now) => now.sizes)).not.toEqual(first.sizes);
    expectSizesFollow(brokerage, (await drawn(page)).sizes);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("keeps the colour of silo clusters' members, dims the others, and lists each cluster with its number of members", async () => {
    const { page, errors } = await suite.browser.newPage();
    await openView(page, errors, `#/c/${DEMO}?silos=1`);
    const url = `/v1/communities/${DEMO}/indicators?indicators=silo.clusters&details=members&pageSize=5000`;
    const answer = await api<{
      indicators: Record<string, { details: { clusters: { members: string[]; silo: boolean }[] } }>;
    }>(url);
    const silos = answer.indicators["silo.clusters"]?.details.clusters.filter((cluster) => cluster.silo) ?? [];
    expect(silos.length).toBeGreaterThan(0);
    const listed = await page.locator(".cg-clusters li").allTextContents();
    expect(listed.map((text) => Number(text.split(" ")[0]))).toEqual(silos.map((cluster) => cluster.members.length));
    // Members outside every silo cluster are dimmed; those inside keep their colour.
    const inSilos = new Set(silos.flatMap((cluster) => cluster.members));
    const { colours } = await drawn(page);
    for (const [id, colour] of Object.entries(colours)) expect(colour === DIMMED, id).toBe(!inSilos.has(id));
    expect(await page.locator(".cg-silo-note").textContent()).toBe("");
    expect(errors).toEqual([]);
    await page.close();
  });
});
