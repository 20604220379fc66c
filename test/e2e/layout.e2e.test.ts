import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot } from "../support/browser.js";
import { browserSuite } from "../support/browser-suite.js";
import { viewHelpers } from "../support/community-view.js";

// How the community view lays out and groups its members, in Chromium against the demo communities:
// the same view opens with the same picture, a siloed community shows its sectors apart every time,
// silo clusters are outlined, and the legend highlights or hides a group.

/** The demo community whose sectors keep to themselves. */
const SILOED = "healthyschools";
/** Mean distance within sectors over mean distance across sectors, below which the silo shows. */
const SEPARATED = 0.7;
const LOADS = 5;

const suite = browserSuite("layout");
const { api, openView } = viewHelpers(suite);

interface LayoutView {
  renderer: { getNodeDisplayData(id: string): { color: string; hidden?: boolean; label?: string | null } | undefined };
  graph: {
    forEachNode(callback: (id: string, data: { x: number; y: number; attrs: Record<string, string> }) => void): void;
  };
}
type WithLayoutView = { copgraphView?: LayoutView };
type Placed = Record<string, { x: number; y: number; sector: string }>;

const placed = (page: Page) =>
  page.evaluate(() => {
    const out: Record<string, { x: number; y: number; sector: string }> = {};
    (globalThis as unknown as WithLayoutView).copgraphView?.graph.forEachNode((id, data) => {
      out[id] = { x: data.x, y: data.y, sector: data.attrs.sector ?? "" };
    });
    return out;
  });

/** Mean distance between members of the same sector over mean distance between members of different ones. */
function withinOverAcross(members: Placed): number {
  const list = Object.values(members);
  let [within, withinPairs, across, acrossPairs] = [0, 0, 0, 0];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i] as Placed[string];
      const b = list[j] as Placed[string];
      const distance = Math.hypot(a.x - b.x, a.y - b.y);
      if (a.sector === b.sector) [within, withinPairs] = [within + distance, withinPairs + 1];
      else [across, acrossPairs] = [across + distance, acrossPairs + 1];
    }
  }
  return within / withinPairs / (across / acrossPairs);
}

describe("layout", () => {
  it("opens the siloed demo with the same picture on every load, its sectors apart", async () => {
    const loads: Placed[] = [];
    for (let load = 0; load < LOADS; load++) {
      const { page, errors } = await suite.browser.newPage();
      // Plain and deep-linked with the silo clusters shown: the same community, date and filters.
      await openView(page, errors, `#/c/${SILOED}${load % 2 === 1 ? "?silos=1" : ""}`);
      const members = await placed(page);
      expect(Object.keys(members).length).toBeGreaterThan(20);
      const ratio = withinOverAcross(members);
      console.log(`load ${load + 1}: within / across sectors = ${ratio.toFixed(3)}`);
      expect(ratio, `load ${load + 1}`).toBeLessThan(SEPARATED);
      if (load === 0) await screenshot(page, "layout-siloed");
      loads.push(members);
      expect(errors).toEqual([]);
      await page.close();
    }
    for (const [load, members] of loads.entries()) expect(members, `load ${load + 1}`).toEqual(loads[0]);
  }, 120_000);

  it("outlines each silo cluster once and lets the legend highlight or hide a sector", async () => {
    const { page, errors } = await suite.browser.newPage();
    await openView(page, errors, `#/c/${SILOED}?silos=1`);
    const url = `/v1/communities/${SILOED}/indicators?indicators=silo.clusters&details=members&pageSize=5000`;
    const answer = await api<{
      indicators: Record<string, { details: { clusters: { members: string[]; silo: boolean }[] } }>;
    }>(url);
    const silos = answer.indicators["silo.clusters"]?.details.clusters.filter((cluster) => cluster.silo) ?? [];
    expect(silos.length).toBeGreaterThan(0);
    // One outline per cluster on a layer under the nodes; no rings around single members.
    const hulls = page.locator(".cg-sigma canvas.sigma-siloHulls");
    const outlines = async () => ((await hulls.count()) === 1 ? hulls.getAttribute("data-outlines") : null);
    await expect.poll(outlines).toBe(String(silos.length));
    expect(await page.locator(".cg-sigma canvas.sigma-siloHalos").count()).toBe(0);
    await screenshot(page, "layout-silo-outlines");

    const members = await placed(page);
    const sectorOf = (id: string) => members[id]?.sector;
    const education = Object.keys(members).filter((id) => sectorOf(id) === "education");
    const others = Object.keys(members).filter((id) => sectorOf(id) !== "education");
    expect(education.length).toBeGreaterThan(0);
    const shown = () =>
      page.evaluate((ids) => {
        const renderer = (globalThis as unknown as WithLayoutView).copgraphView?.renderer;
        return Object.fromEntries(ids.map((id) => [id, renderer?.getNodeDisplayData(id)]));
      }, Object.keys(members));

    // Highlight: the sector keeps its colour, everyone else is dimmed; the button says it is pressed.
    const highlight = page.locator('.cg-legend [data-category="education"] button.cg-legend-highlight');
    const hide = page.locator('.cg-legend [data-category="education"] button.cg-legend-hide');
    expect(await highlight.count()).toBe(1);
    expect(await hide.count()).toBe(1);
    expect(await highlight.getAttribute("aria-pressed")).toBe("false");
    const before = await shown();
    await highlight.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => highlight.getAttribute("aria-pressed")).toBe("true");
    const highlighted = await shown();
    for (const id of education) expect(highlighted[id]?.color, id).toBe(before[id]?.color);
    const dimmed = new Set(others.map((id) => highlighted[id]?.color));
    expect(dimmed.size).toBe(1);
    expect(education.map((id) => highlighted[id]?.color)).not.toContain([...dimmed][0]);
    await screenshot(page, "layout-legend-highlight");
    await highlight.click();
    await expect.poll(() => highlight.getAttribute("aria-pressed")).toBe("false");

    // Hide: the sector's members leave the picture, the others stay.
    await hide.click();
    await expect.poll(() => hide.getAttribute("aria-pressed")).toBe("true");
    const hidden = await shown();
    for (const id of education) expect(hidden[id]?.hidden, id).toBe(true);
    for (const id of others) expect(hidden[id]?.hidden ?? false, id).toBe(false);
    await hide.click();
    await expect.poll(() => hide.getAttribute("aria-pressed")).toBe("false");
    const back = await shown();
    for (const id of education) expect(back[id]?.hidden ?? false, id).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
