import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite } from "../support/browser-suite.js";
import { viewHelpers, type WithView } from "../support/community-view.js";

// Small things in the community view that stand between it and a person using it: popovers that
// close the way popovers do, a camera that comes back after a close-up, a page that fits a phone.

const DEMO = "healthyschools";
const suite = browserSuite("view-details");
const { api, openView } = viewHelpers(suite);

const isOpen = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => (el as unknown as { open: boolean }).open);
const cameraRatio = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as WithView).copgraphView?.renderer.getCamera().getState().ratio);
/** The app's CSP refuses the eval behind Playwright's waitForFunction: poll through page.evaluate. */
const waitForRatio = (page: Page, check: (ratio: number) => boolean, what: string) =>
  expect.poll(async () => check((await cameraRatio(page)) ?? Number.NaN), { message: what, timeout: 5_000 }).toBe(true);

describe("community view details", () => {
  it("popovers: one open at a time, closed by Escape and by a click outside", async () => {
    const { page, errors } = await suite.browser.newPage();
    await openView(page, errors, `#/c/${DEMO}`);
    await page.click(".cg-layers summary");
    expect(await isOpen(page, ".cg-layers")).toBe(true);
    await page.click(".cg-downloads summary");
    expect(await isOpen(page, ".cg-downloads")).toBe(true);
    expect(await isOpen(page, ".cg-layers"), "Tie layers closes when Downloads opens").toBe(false);
    await page.keyboard.press("Escape");
    expect(await isOpen(page, ".cg-downloads"), "Escape closes Downloads").toBe(false);
    await page.click(".cg-layers summary");
    await page.click("h1");
    expect(await isOpen(page, ".cg-layers"), "a click outside closes Tie layers").toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it("the camera comes back after a member's close-up and after a change of period", async () => {
    const { page, errors } = await suite.browser.newPage();
    const graph = await api<{ nodes: { id: string }[] }>(`/v1/communities/${DEMO}/graph`);
    const member = graph.nodes[0]?.id as string;
    await openView(page, errors, `#/c/${DEMO}`);
    expect(await cameraRatio(page)).toBe(1);
    await page.fill("#cg-search", member);
    await page.press("#cg-search", "Enter");
    await waitForRatio(page, (ratio) => ratio < 0.5, "the camera moves close to the member");
    await page.locator("#cg-member-title").waitFor();
    await page.locator(".cg-member button", { hasText: /close/i }).first().click();
    await waitForRatio(page, (ratio) => Math.abs(ratio - 1) < 1e-6, "the camera is back to the whole graph");

    await page.fill("#cg-search", member);
    await page.press("#cg-search", "Enter");
    await waitForRatio(page, (ratio) => ratio < 0.5, "the camera moves close to the member");
    await page.selectOption("#cg-period", "window:P90D");
    await waitForRatio(page, (ratio) => Math.abs(ratio - 1) < 1e-6, "the camera is back to the whole graph");
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it("a search's 'No member' message goes once the view changes", async () => {
    const { page, errors } = await suite.browser.newPage();
    await openView(page, errors, `#/c/${DEMO}`);
    await page.fill("#cg-search", "zzz");
    await page.press("#cg-search", "Enter");
    await page.locator(".cg-search-message", { hasText: "zzz" }).waitFor();
    await page.selectOption("#cg-period", "window:P365D");
    await page.waitForSelector(".cg-indicators[data-state=ready]");
    await expect.poll(() => page.locator(".cg-search-message").textContent()).toBe("");
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it("the legend names categories in words, not slugs", async () => {
    const { page, errors } = await suite.browser.newPage();
    await openView(page, errors, `#/c/${DEMO}`);
    const names = await page.locator(".cg-legend-name").allTextContents();
    expect(names).toContain("public authority");
    expect(names.filter((name) => /[-_]/.test(name))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it("fits a phone: nothing overflows sideways at 390 px", async () => {
    const { page, errors } = await suite.browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    for (const hash of ["#/", `#/c/${DEMO}`, `#/c/${DEMO}/record`, "#/compare?ids=healthyschools,makerlearning"]) {
      if (hash.startsWith("#/c/") && !hash.endsWith("record")) await openView(page, errors, hash);
      else {
        await page.goto(`${suite.server.url}/${hash}`);
        await page.locator("main *").first().waitFor();
        await page.waitForLoadState("networkidle");
      }
      const overflow = (await page.evaluate("document.documentElement.scrollWidth - window.innerWidth")) as number;
      expect(overflow, `${hash} overflows by ${overflow} px`).toBeLessThanOrEqual(0);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
