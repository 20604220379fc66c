import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AccessKeyStore } from "@copgraph/api";
import { expect, it } from "vitest";
import { countForegroundPixels, screenshot } from "../support/browser.js";
import { browserSuite } from "../support/browser-suite.js";

// A server that requires keys (COPGRAPH_AUTH=on): the app asks for the key, signs in with it,
// sends it on every request, shows only what the role may see, and signs out.
let adminKey: string;
let agencyKey: string;
/** Runs in the page: the key the web app keeps for this tab. */
const storedKey = () =>
  (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage.getItem(
    "copgraph.apiKey",
  );

const suite = browserSuite("sign-in", {
  env: { COPGRAPH_AUTH: "on" },
  prepare: (dataDir) => {
    const keys = new AccessKeyStore(join(dataDir, "access.sqlite"));
    adminKey = keys.create({ role: "admin", label: "e2e admin" }).secret;
    agencyKey = keys.create({ role: "agency", communities: ["healthyschools"], label: "e2e agency" }).secret;
    keys.close();
  },
});

it("asks for the key, signs in, lists the communities, and signs out", async () => {
  const { page, errors } = await suite.browser.newPage();
  await page.goto(`${suite.server.url}/#/`);
  const form = page.locator("form.sign-in");
  await form.waitFor();
  await page.fill("#api-key", "cgk_wrong");
  await page.click("form.sign-in button[type=submit]");
  await page.locator("form.sign-in [role=status]", { hasText: "unknown" }).waitFor();

  await page.fill("#api-key", adminKey);
  await page.click("form.sign-in button[type=submit]");
  await page.locator(".account", { hasText: "e2e admin (admin)" }).waitFor();
  await page.locator(".ov-card").first().waitFor({ timeout: 20_000 });
  expect(await page.locator(".ov-card").count()).toBe(3);
  expect(await page.evaluate(storedKey)).toBe(adminKey);
  const png = await screenshot(page, "sign-in-admin");
  expect(countForegroundPixels(png)).toBeGreaterThan(5_000);

  await page.click(".account button");
  await form.waitFor();
  expect(await page.evaluate(storedKey)).toBeNull();
  expect(errors.filter((e) => !e.includes("401"))).toEqual([]);
}, 60_000);

it("an agency sees its community on the overview, and no community view", async () => {
  const { page } = await suite.browser.newPage();
  await page.goto(`${suite.server.url}/#/sign-in`);
  await page.fill("#api-key", agencyKey);
  await page.click("form.sign-in button[type=submit]");
  await page.locator(".ov-card").first().waitFor({ timeout: 20_000 });
  expect(await page.locator(".ov-card").count()).toBe(1);
  // Links to pages an agency may not open are not shown.
  expect(await page.locator('.ov-card [data-page="record"]').first().isVisible()).toBe(false);
  expect(await page.locator('.ov-card [data-page="community"]').first().isVisible()).toBe(false);
  await page.goto(`${suite.server.url}/#/c/healthyschools`);
  await page.locator("h1", { hasText: "Not for your role" }).waitFor();
  await screenshot(page, "sign-in-agency-refused");
}, 60_000);

it("downloads a file with the key (a plain link could not send it)", async () => {
  const { page, errors } = await suite.browser.newPage();
  await page.goto(`${suite.server.url}/#/sign-in`);
  await page.fill("#api-key", adminKey);
  await page.click("form.sign-in button[type=submit]");
  await page.locator(".ov-card").first().waitFor({ timeout: 20_000 });
  await page.goto(`${suite.server.url}/#/c/healthyschools/record`);
  await page.getByRole("button", { name: "Import a CSV" }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download the members template" }).click(),
  ]);
  const file = await download.path();
  expect(readFileSync(file, "utf8").split("\n")[0]).toContain("memberId");
  // The one 401 is /v1/me asked before signing in.
  expect(errors.filter((e) => !e.includes("401"))).toEqual([]);
}, 60_000);
