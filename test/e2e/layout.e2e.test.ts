import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot } from "../support/browser.js";
import { browserSuite } from "../support/browser-suite.js";
import { viewHelpers } from "../support/community-view.js";

// How the community view lays out its members, in Chromium against the demo communities: the same
// view opens with the same picture, and a siloed community shows its sectors apart every time.

/** The demo community whose sectors keep to themselves. */
const SILOED = "healthyschools";
/** Mean distance within sectors over mean distance across sectors, below which the silo shows. */
const SEPARATED = 0.7;
const LOADS = 5;

const suite = browserSuite("layout");
const { openView } = viewHelpers(suite);

interface LayoutView {
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
});
