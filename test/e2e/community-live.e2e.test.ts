import { beforeAll, describe, expect, it } from "vitest";
import { screenshot } from "../support/browser.js";
import { browserSuite } from "../support/browser-suite.js";
import { type IndicatorsResponse, smallCommunity, viewHelpers, type WithView } from "../support/community-view.js";

// The community view follows the log: what is recorded through the API or the record form shows
// in an open view within 2 s, without a reload.

const LIVE = "livecop";

const suite = browserSuite("community-live");
const { api, post, importEvents, openView } = viewHelpers(suite);

beforeAll(async () => {
  await importEvents(LIVE, smallCommunity(LIVE, true));
}, 60_000);

describe("community view, live", () => {
  it("shows an interaction logged through the API within 2 s, without a reload", async () => {
    const { page, errors } = await suite.browser.newPage();
    // Something watched: the notices panel follows the log too.
    await post(`/v1/communities/${LIVE}/watches`, { condition: { kind: "no-gathering", days: 365 } });
    const streams: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith(`/v1/communities/${LIVE}/changes`)) streams.push(request.url());
    });
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
    // One connection follows the log for the whole page, notices included (a browser keeps only six per server).
    expect(streams).toHaveLength(1);
    await screenshot(page, "community-live");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows a gathering logged through the record form within 2 s, without a reload", async () => {
    const view = await suite.browser.newPage();
    await openView(view.page, view.errors, `#/c/${LIVE}`);
    const hasTie = () =>
      view.page.evaluate(() => (globalThis as unknown as WithView).copgraphView?.graph.hasEdge("m2->m4") ?? false);
    expect(await hasTie()).toBe(false);
    await view.page.evaluate(() => {
      (globalThis as { marker?: boolean }).marker = true;
    });

    // The facilitator's form, in a second tab.
    const record = await suite.browser.newPage();
    await record.page.goto(`${suite.server.url}/#/c/${LIVE}/record?form=gathering`);
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

  it("loads the readings of a seventh open view while six others hold their live streams", async () => {
    const opened: { page: import("playwright-core").Page; errors: string[] }[] = [];
    for (let view = 0; view < 7; view++) {
      const next = await suite.browser.newPage();
      await openView(next.page, next.errors, `#/c/${LIVE}${view % 2 === 0 ? "" : "?window=P90D"}`);
      opened.push(next);
    }
    expect(opened.flatMap(({ errors }) => errors)).toEqual([]);
    for (const { page } of opened) await page.close();
  }, 120_000);
});
