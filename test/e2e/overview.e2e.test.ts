import { expect, it } from "vitest";
import { countForegroundPixels, screenshot } from "../support/browser.js";
import { browserSuite } from "../support/browser-suite.js";
import { recordDemoCommunities } from "../support/record-demo.js";

// The API's answers, as much of them as the test reads (the test package does not depend on the contract).
interface CommunityList {
  communities: { communityId: string }[];
}
interface IndicatorsResponse {
  indicators: Record<string, { value: number | null; baseline?: number | null }>;
}

// The overview (#/) on a real server with an empty log, then with the three demo communities
// recorded through the API, in Chromium.
const suite = browserSuite("overview", { env: { COPGRAPH_DEMO: "0" } });

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${suite.server.url}${path}`);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

it("says what to do when there are no communities", async () => {
  const { page, errors } = await suite.browser.newPage();
  await page.goto(`${suite.server.url}/#/`);
  const empty = page.locator(".ov-empty");
  await empty.waitFor();
  expect(await empty.textContent()).toContain("No communities yet");
  expect(await empty.locator("a[href='/docs']").count()).toBe(1);
  await screenshot(page, "overview-empty");
  expect(errors).toEqual([]);
  await page.close();
});

it("shows every community with its readings, the API's exact values, a trend each and links", async () => {
  const ids = await recordDemoCommunities(suite.server.url);
  const { page, errors } = await suite.browser.newPage();
  await page.goto(`${suite.server.url}/#/`);
  const cards = page.locator("article.ov-card");
  await cards.first().waitFor();
  expect(await cards.count()).toBe(ids.length);

  // Cards follow the API's order (by name), not any value: no ranking.
  const { communities } = await getJson<CommunityList>("/v1/communities");
  expect(await cards.evaluateAll((els) => els.map((el) => el.getAttribute("data-community")))).toEqual(
    communities.map((c) => c.communityId),
  );

  for (const id of ids) {
    const card = page.locator(`article.ov-card[data-community="${id}"]`);
    // Cards load their readings when they come into view.
    await card.scrollIntoViewIfNeeded();
    await card.locator("li.ov-reading").nth(5).waitFor();
    const readings = await card.locator("li.ov-reading").evaluateAll((els) =>
      els.map((el) => ({
        indicator: el.getAttribute("data-indicator"),
        attribute: el.getAttribute("data-attribute"),
        window: el.getAttribute("data-window"),
        value: el.getAttribute("data-value"),
        baseline: el.getAttribute("data-baseline"),
        trendPoints: (el.querySelector(".ov-spark-line")?.getAttribute("d") ?? "").split(/[ML]/).length - 1,
        text: el.querySelector(".ov-reading-text")?.textContent ?? "",
      })),
    );
    expect(readings.map((r) => r.indicator)).toEqual([
      "silo.ei",
      "diversity.iqv",
      "diversity.iqv",
      "reciprocity.dyadic",
      "roles.dual_role_share",
      "activity.active_members",
    ]);

    const [bySector, byLayer, recent] = await Promise.all([
      getJson<IndicatorsResponse>(
        `/v1/communities/${id}/indicators?attribute=sector&indicators=silo.ei,diversity.iqv,reciprocity.dyadic,roles.dual_role_share`,
      ),
      getJson<IndicatorsResponse>(
        `/v1/communities/${id}/indicators?attribute=occupationalLayer&indicators=diversity.iqv`,
      ),
      getJson<IndicatorsResponse>(`/v1/communities/${id}/indicators?window=P90D&indicators=activity.active_members`),
    ]);
    for (const reading of readings) {
      const source =
        reading.window === "P90D" ? recent : reading.attribute === "occupationalLayer" ? byLayer : bySector;
      const api = source.indicators[reading.indicator as string];
      expect(JSON.parse(reading.value as string), `${id} ${reading.indicator} ${reading.attribute}`).toBe(api?.value);
      expect(JSON.parse(reading.baseline as string)).toBe(api?.baseline ?? null);
      // A monthly trend over 12 months: 13 points for a community two years old.
      expect(reading.trendPoints, `${id} ${reading.indicator} trend`).toBe(13);
      expect(reading.text.length).toBeGreaterThan(20);
    }
    // The mixing reading names its baseline in plain words.
    expect(readings[0]?.text).toMatch(/of ties cross sectors; random mixing would give \d+%/);
    expect(await card.locator("li.ov-reading").first().textContent()).toContain("random mixing");

    expect(await card.locator(`a[href="#/c/${id}"]`).count()).toBeGreaterThan(0);
    expect(await card.locator(`a[href="#/c/${id}/record"]`).count()).toBe(1);
  }

  await page.locator("h1").scrollIntoViewIfNeeded();
  const image = await screenshot(page, "overview");
  expect(countForegroundPixels(image)).toBeGreaterThan(1000);

  // A tablet: one column, nothing wider than the screen.
  await page.setViewportSize({ width: 768, height: 1024 });
  const [first, second] = await Promise.all([cards.nth(0).boundingBox(), cards.nth(1).boundingBox()]);
  expect(second?.x).toBe(first?.x);
  expect(second?.y).toBeGreaterThan((first?.y ?? 0) + (first?.height ?? 0) - 1);
  expect(await page.locator("html").evaluate((el) => el.scrollWidth)).toBeLessThanOrEqual(768);
  await screenshot(page, "overview-tablet");

  // The record link leads to the record page.
  await page.locator(`article.ov-card[data-community="${ids[0]}"] a[href$="/record"]`).click();
  await page.waitForURL(/#\/c\/.+\/record$/);
  expect(errors).toEqual([]);
  await page.close();
});
