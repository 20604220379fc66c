import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { browserSuite } from "../support/browser-suite.js";
import { viewHelpers } from "../support/community-view.js";

// The definitions one click deeper (community view, overview cards, compare rows) are the API's
// descriptions from GET /v1/indicators, asked once per page load: the web app keeps no copy.

interface Description {
  id: string;
  version: number;
  title: string;
  formula: string;
  source: string;
  baseline?: string;
}

const suite = browserSuite("definitions");
const { api, openView } = viewHelpers(suite);

/** The text a browser shows for the descriptions' Markdown (`code`, **bold**). */
const shown = (markdown: string) => markdown.replace(/`([^`]+)`/g, "$1").replace(/\*\*([^*]+)\*\*/g, "$1");

async function descriptionOf(id: string): Promise<Description> {
  const { indicators } = await api<{ indicators: Description[] }>("/v1/indicators");
  const description = indicators.find((indicator) => indicator.id === id);
  if (!description) throw new Error(`no description of ${id}`);
  return description;
}

/** Counts the page's requests for the catalogue. */
function catalogueRequests(page: Page): () => number {
  let count = 0;
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/v1/indicators") count++;
  });
  return () => count;
}

it("the community view's definitions are the API's descriptions, asked once", async () => {
  const { page, errors } = await suite.browser.newPage();
  const requests = catalogueRequests(page);
  await openView(page, errors, "#/c/healthyschools");
  const ei = await descriptionOf("silo.ei");
  const definition = page.locator('.cg-indicator[data-indicator="silo.ei"] .cg-definition').first();
  await definition.locator("summary").click();
  expect(await definition.locator("summary").textContent()).toBe(`Definition: ${ei.title}, version ${ei.version}`);
  expect(await definition.locator("p").allTextContents()).toEqual([
    shown(ei.formula),
    `Baseline: ${shown(ei.baseline ?? "")}`,
    `Source: ${shown(ei.source)}`,
  ]);
  expect(await definition.locator("code").first().textContent()).toBe("EI = (E − I) / (E + I)");
  await page.locator(".cg-charts [data-series]").first().waitFor();
  expect(requests()).toBe(1);
  expect(errors).toEqual([]);
  await page.close();
});

it("overview cards and compare rows open the same descriptions", async () => {
  const dyadic = await descriptionOf("reciprocity.dyadic");
  const { page, errors } = await suite.browser.newPage();
  const requests = catalogueRequests(page);
  await page.goto(`${suite.server.url}/#/`);
  const row = page.locator('article.ov-card li.ov-reading[data-indicator="reciprocity.dyadic"]').first();
  await row.waitFor();
  await row.locator(".cg-tech summary").click();
  const note = row.locator(".cg-tech-body");
  expect(await note.locator("p").allTextContents()).toEqual([
    dyadic.title,
    shown(dyadic.formula),
    `Baseline: ${shown(dyadic.baseline ?? "")}`,
    `Source: ${shown(dyadic.source)}`,
  ]);

  const { communities } = await api<{ communities: { communityId: string }[] }>("/v1/communities");
  await page.goto(`${suite.server.url}/#/compare?ids=${communities.map((c) => c.communityId).join(",")}`);
  const header = page.locator("table.cmp-table tr", { has: page.locator('td[data-indicator="reciprocity.dyadic"]') });
  await header.locator(".cg-tech summary").click();
  expect(await header.locator(".cg-tech-body p").first().textContent()).toBe(dyadic.title);
  expect(await header.locator(".cg-tech-body p").nth(1).textContent()).toBe(shown(dyadic.formula));
  // The overview and the compare page are one page load: the catalogue was asked once.
  expect(requests()).toBe(1);
  expect(errors).toEqual([]);
  await page.close();
});
