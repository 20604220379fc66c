import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { browserSuite } from "../support/browser-suite.js";
import {
  type GraphResponse,
  hashParam,
  smallCommunity,
  viewHelpers,
  type WithView,
} from "../support/community-view.js";

// Issue 16, finding 3 (hairballs): a dense community opens on its backbone (the disparity filter,
// computed by the server) and says so; one click shows every tie again.

const DENSE = "makerlearning";
const SPARSE = "sparsecop";
const EXPLANATION = "ties that stand out for at least one of the two members";

const suite = browserSuite("backbone");
const { api, importEvents, openView } = viewHelpers(suite);

interface BackboneAnswer extends GraphResponse {
  backbone?: { filter: string; alpha: number; keptTies: number; allTies: number };
}

const drawn = (page: Page) =>
  page.evaluate(() => {
    const view = (globalThis as unknown as WithView).copgraphView;
    return { order: view?.graph.order, size: view?.graph.size };
  });

beforeAll(async () => {
  await importEvents(SPARSE, smallCommunity(SPARSE, true));
});

describe("the backbone of a dense community", () => {
  it("opens on the backbone, says so, and shows every tie on request", async () => {
    const full = await api<GraphResponse>(`/v1/communities/${DENSE}/graph`);
    const density = full.ties.length / (full.nodes.length * (full.nodes.length - 1));
    expect(density).toBeGreaterThan(0.2);

    const { page, errors } = await suite.browser.newPage();
    await openView(page, errors, `#/c/${DENSE}`);
    const note = page.locator(".cg-backbone-note");
    await expect(note.isVisible()).resolves.toBe(true);
    const sentence = await note.textContent();
    expect(sentence).toContain("backbone");
    expect(sentence).toContain(EXPLANATION);
    await expect(page.locator("#cg-backbone").isChecked()).resolves.toBe(true);

    // What is drawn is the server's backbone: every member, fewer ties.
    const alpha = Number(await page.locator(".cg-graph-card").getAttribute("data-backbone-alpha"));
    const backbone = await api<BackboneAnswer>(`/v1/communities/${DENSE}/graph?backbone=${alpha}`);
    expect(backbone.backbone).toMatchObject({ filter: "disparity", alpha, allTies: full.ties.length });
    const onBackbone = await drawn(page);
    expect(onBackbone).toEqual({ order: full.nodes.length, size: backbone.ties.length });
    expect(onBackbone.size).toBeLessThan(full.ties.length);
    expect(sentence).toContain(
      `${backbone.ties.length.toLocaleString("en")} of ${full.ties.length.toLocaleString("en")}`,
    );

    // "Show all ties" draws every tie and keeps the choice in the URL.
    await note.getByRole("button", { name: "Show all ties" }).click();
    await page.waitForSelector(".cg-graph-card[data-ties=all][aria-busy=false]", { timeout: 15_000 });
    expect(await drawn(page)).toEqual({ order: full.nodes.length, size: full.ties.length });
    expect(hashParam(page, "backbone")).toBe("0");
    await expect(page.locator("#cg-backbone").isChecked()).resolves.toBe(false);

    // The option in the controls brings the backbone back, said on screen without the "dense" reason.
    await page.locator("#cg-backbone").check();
    await page.waitForSelector(".cg-graph-card[data-ties=backbone][aria-busy=false]", { timeout: 15_000 });
    expect(await drawn(page)).toEqual(onBackbone);
    expect(hashParam(page, "backbone")).toBe("1");
    expect(await note.textContent()).toContain(`${backbone.ties.length.toLocaleString("en")} of`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("opens a sparse community on all its ties, with no backbone sentence", async () => {
    const { page, errors } = await suite.browser.newPage();
    await openView(page, errors, `#/c/${SPARSE}`);
    await page.waitForSelector(".cg-graph-card[data-ties=all]", { timeout: 15_000 });
    await expect(page.locator(".cg-backbone-note").isVisible()).resolves.toBe(false);
    await expect(page.locator("#cg-backbone").isChecked()).resolves.toBe(false);
    expect(await drawn(page)).toEqual({ order: 4, size: 1 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
