import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { countForegroundPixels, screenshot } from "../support/browser.js";
import { browserSuite } from "../support/browser-suite.js";
import { recordDemoCommunities } from "../support/record-demo.js";

// GET /v1/compare, as much of it as the test reads (the test package does not depend on the contract).
interface CompareResponse {
  communities: {
    communityId: string;
    indicators: Record<string, { value: number | null; baseline?: number | null }>;
  }[];
}

// The comparison (#/compare) of the three demo communities, recorded through the API, on a real
// server in Chromium: every cell must hold exactly the number GET /v1/compare returns.
const suite = browserSuite("compare", { env: { COPGRAPH_DEMO: "0" } });
let ids: string[] = [];

const INDICATORS = [
  "silo.ei",
  "silo.ei_expected",
  "silo.assortativity",
  "diversity.blau",
  "diversity.iqv",
  "reciprocity.edge",
  "reciprocity.dyadic",
  "reciprocity.rho",
  "roles.dual_role_share",
  "roles.switch_rate",
  "network.density",
  "network.members",
];

beforeAll(async () => {
  ids = await recordDemoCommunities(suite.server.url);
}, 120_000);

interface Cell {
  community: string;
  indicator: string;
  value: number | null;
  baseline: number | null;
  text: string;
}

async function cells(page: Page): Promise<Cell[]> {
  return page.locator("table.cmp-table td[data-indicator]").evaluateAll((els) =>
    els.map((el) => ({
      community: el.getAttribute("data-community") as string,
      indicator: el.getAttribute("data-indicator") as string,
      value: JSON.parse(el.getAttribute("data-value") as string),
      baseline: JSON.parse(el.getAttribute("data-baseline") as string),
      text: el.textContent ?? "",
    })),
  );
}

/** Asks the API the page's own query (its resolved `at` and attribute) and compares every cell. */
async function expectApiValues(page: Page, communities: readonly string[]): Promise<void> {
  const table = page.locator("table.cmp-table");
  const at = (await table.getAttribute("data-at")) as string;
  const attribute = (await table.getAttribute("data-attribute")) as string;
  const query = new URLSearchParams({
    communities: communities.join(","),
    indicators: INDICATORS.join(","),
    attribute,
    at,
  });
  const response = await fetch(`${suite.server.url}/v1/compare?${query}`);
  expect(response.status).toBe(200);
  const api = (await response.json()) as CompareResponse;
  const shown = await cells(page);
  expect(shown).toHaveLength(communities.length * INDICATORS.length);
  for (const community of api.communities) {
    for (const indicator of INDICATORS) {
      const cell = shown.find((c) => c.community === community.communityId && c.indicator === indicator);
      const expected = community.indicators[indicator];
      expect(cell?.value, `${community.communityId} ${indicator}`).toBe(expected?.value);
      expect(cell?.baseline, `${community.communityId} ${indicator} baseline`).toBe(expected?.baseline ?? null);
    }
  }
}

it("asks to pick communities when none is chosen", async () => {
  const { page, errors } = await suite.browser.newPage();
  await page.goto(`${suite.server.url}/#/compare`);
  await page.locator(".cmp-picker input[type=checkbox]").first().waitFor();
  expect(await page.locator(".cmp-picker input[type=checkbox]").count()).toBe(3);
  expect(await page.locator(".cmp-output .empty").textContent()).toContain("Pick two or more communities");
  expect(errors).toEqual([]);
  await page.close();
});

it("shows three communities with exactly the values the API returns, each next to its baseline", async () => {
  const { page, errors } = await suite.browser.newPage();
  // As of yesterday, so the page's query and the test's are the same to the millisecond.
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await page.goto(`${suite.server.url}/#/compare?ids=${ids.join(",")}&at=${yesterday}`);
  await page.locator("table.cmp-table").waitFor();
  expect(await page.locator("table.cmp-table thead th[data-community]").count()).toBe(3);
  expect(await page.locator("table.cmp-table tbody tr").count()).toBe(INDICATORS.length);
  expect(await page.locator("#cmp-as-of").inputValue()).toBe(yesterday);
  await expectApiValues(page, ids);

  // Values read with two decimals, next to the baseline in the field's words.
  const ei = (await cells(page)).find((c) => c.indicator === "silo.ei" && c.community === "healthyschools");
  expect(ei?.text).toMatch(/^−?\d\.\d\d · random mixing −?\d\.\d\d$/);
  const members = (await cells(page)).find((c) => c.indicator === "network.members");
  expect(members?.text).toMatch(/^\d+$/);
  expect(await page.locator(".cmp-query").textContent()).toContain("grouped by sector");
  const image = await screenshot(page, "compare");
  expect(countForegroundPixels(image)).toBeGreaterThan(1000);

  // Grouped by occupational layer: new values, still the API's, and the choice in the URL.
  await page.getByLabel("Groups by").selectOption("occupationalLayer");
  await page.locator("table.cmp-table[data-attribute=occupationalLayer]").waitFor();
  await expectApiValues(page, ids);
  expect(page.url()).toContain("attribute=occupationalLayer");

  // Leaving one out: two columns, and the selection in the URL.
  await page.getByLabel(/Maker Learning Lab/).uncheck();
  await expect.poll(() => page.locator("table.cmp-table thead th[data-community]").count()).toBe(2);
  expect(decodeURIComponent(page.url())).toContain("ids=activeageing,healthyschools");
  await expectApiValues(page, ["activeageing", "healthyschools"]);

  // A tablet: the choices above the table, nothing wider than the screen but the table's own scroll.
  await page.setViewportSize({ width: 768, height: 1024 });
  expect(await page.locator("html").evaluate((el) => el.scrollWidth)).toBeLessThanOrEqual(768);
  await screenshot(page, "compare-tablet");
  expect(errors).toEqual([]);
  await page.close();
});
