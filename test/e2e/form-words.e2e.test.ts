import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { browserSuite } from "../support/browser-suite.js";
import { smallCommunity, viewHelpers } from "../support/community-view.js";

// Words on screen, not validator wording or slugs: a record form says a too-long topic in a
// sentence, and the community view's query line says its period and grouping in words.

const suite = browserSuite("form-words", { env: { COPGRAPH_DEMO: "0" } });
const { importEvents, openView } = viewHelpers(suite);
const ID = "words";

/** Deliberate 4xx answers show in Chrome's console as failed loads; anything else is a fault. */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of 4(00|22)/.test(e));

beforeAll(async () => {
  await importEvents(ID, smallCommunity(ID, true));
}, 60_000);

async function openInteractionForm(page: Page) {
  await page.goto(`${suite.server.url}/#/c/${ID}/record?form=interaction`);
  await page.getByText(/\d+ members to search/).waitFor();
  return page.locator("#rec-panel-interaction");
}

it("a record form says a too-long topic in a sentence, next to the field", async () => {
  const { page, errors } = await suite.browser.newPage();
  const form = await openInteractionForm(page);
  await form.getByLabel("From (who gave)", { exact: true }).fill("m1");
  await form.getByLabel("Recipient 1", { exact: true }).fill("m2");
  await form.getByLabel("Topics", { exact: true }).fill(`nutrition, ${"a".repeat(101)}`);
  await form.getByRole("button", { name: "Log the interaction" }).click();

  const message = form.locator(".rec-field:has(input[name=topics]) .rec-error:not([hidden])");
  await message.waitFor();
  expect(await message.textContent()).toBe("Topic 2 must be at most 100 characters.");
  expect(await form.getByLabel("Topics", { exact: true }).getAttribute("aria-invalid")).toBe("true");
  expect(await form.locator(".rec-error:not([hidden])").allTextContents()).not.toContainEqual(
    expect.stringMatching(/Too big|expected string/),
  );
  expect(unexpected(errors)).toEqual([]);
  await page.close();
});

it("a record form's choices read as words (their values stay the catalogue's)", async () => {
  const { page, errors } = await suite.browser.newPage();
  await page.goto(`${suite.server.url}/#/c/${ID}/record?form=member`);
  const sector = page.locator("#rec-panel-member").getByLabel("Sector", { exact: true });
  await sector.waitFor();
  const option = sector.locator('option[value="public-authority"]');
  expect(await option.textContent()).toBe("public authority");
  expect(await sector.locator("option").allTextContents()).not.toContainEqual(expect.stringContaining("-"));
  expect(errors).toEqual([]);
  await page.close();
});

it("the query line says the period and the grouping in words", async () => {
  const { page, errors } = await suite.browser.newPage();
  await openView(page, errors, `#/c/${ID}?window=P90D&attribute=occupationalLayer`);
  const line = (await page.locator(".cg-query").textContent()) ?? "";
  expect(line).toContain("the last 90 days");
  expect(line).toContain("by occupational layer");
  expect(line).not.toMatch(/P90D|occupationalLayer/);

  expect(errors).toEqual([]);
  await page.close();

  // A fresh page: a hash change alone would find the previous view's ready state.
  const fading = await suite.browser.newPage();
  await openView(fading.page, fading.errors, `#/c/${ID}?halfLife=P30D`);
  expect(await fading.page.locator(".cg-query").textContent()).toContain("fading with a half-life of 30 days");
  expect(fading.errors).toEqual([]);
  await fading.page.close();
});

it("the API docs page links back to the app", async () => {
  const { page, errors } = await suite.browser.newPage();
  await page.goto(`${suite.server.url}/docs`);
  const back = page.getByRole("link", { name: "Back to the copgraph app" });
  await back.waitFor({ timeout: 10_000 });
  expect(await back.getAttribute("href")).toBe("/");
  await back.click();
  await page.waitForURL(`${suite.server.url}/`);
  await page.locator("#app h1").first().waitFor();
  expect(errors).toEqual([]);
  await page.close();
});

it("an empty graph as known at an earlier date says to change “As known at”, not to move the slider", async () => {
  const { page, errors } = await suite.browser.newPage();
  // Everything in this community was recorded when the suite began: a day earlier, nothing was known.
  const knownAt = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString();
  await openView(page, errors, `#/c/${ID}?knownAt=${encodeURIComponent(knownAt)}`);
  const note = page.locator(".cg-graph-note:not(.cg-silo-note)");
  expect(await note.textContent()).toMatch(/^No members had been recorded as known at .*: set “As known at” later/);
  expect(await note.textContent()).not.toContain("slider");
  expect(errors).toEqual([]);
  await page.close();
});
