import { join } from "node:path";
import { AccessKeyStore } from "@copgraph/api";
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { browserSuite } from "../support/browser-suite.js";
import { smallCommunity } from "../support/community-view.js";
import { signedInPage } from "../support/signed-in-page.js";

// The Downloads menu's research export as the API gives it to each role (issue 16, finding 10), on
// a server that requires keys: a researcher downloads it under their own pseudonyms and is never
// asked for a key; a facilitator chooses the key the pseudonyms come from.

const COMMUNITY = "lunches";
const keys = { admin: "", facilitator: "", researcher: "" };

const suite = browserSuite("downloads-by-role", {
  env: { COPGRAPH_AUTH: "on", COPGRAPH_DEMO: "0" },
  prepare: (dataDir) => {
    const store = new AccessKeyStore(join(dataDir, "access.sqlite"));
    keys.admin = store.create({ role: "admin", label: "e2e admin" }).secret;
    keys.facilitator = store.create({ role: "facilitator", communities: [COMMUNITY], label: "e2e facilitator" }).secret;
    keys.researcher = store.create({ role: "researcher", communities: [COMMUNITY], label: "e2e researcher" }).secret;
    store.close();
  },
});

beforeAll(async () => {
  const response = await fetch(`${suite.server.url}/v1/communities/${COMMUNITY}/events`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${keys.admin}` },
    body: JSON.stringify({ events: smallCommunity(COMMUNITY, true) }),
  });
  expect(response.status).toBe(201);
}, 60_000);

/** Signs in with the key, opens the community view and its Downloads menu. */
async function downloadsAs(key: string): Promise<{ page: Page; errors: string[] }> {
  const opened = await signedInPage(suite, key);
  const { page } = opened;
  await page.goto(`${suite.server.url}/#/c/${COMMUNITY}`);
  await page.waitForSelector(".cg-indicators[data-state=ready]", { timeout: 30_000 });
  await page.locator("details.cg-downloads summary").click();
  await page.locator("details.cg-downloads a", { hasText: "Research export" }).waitFor();
  return opened;
}

const researchLink = (page: Page) => page.locator("details.cg-downloads a", { hasText: "Research export" });

it("gives a researcher the research export under their own pseudonyms, without a key to choose", async () => {
  const { page, errors } = await downloadsAs(keys.researcher);
  expect(await page.locator("details.cg-downloads input").count()).toBe(0);
  const href = (await researchLink(page).getAttribute("href")) as string;
  expect(href).not.toMatch(/key=/);
  const response = await fetch(new URL(href, suite.server.url), {
    headers: { authorization: `Bearer ${keys.researcher}` },
  });
  expect(response.status).toBe(200);
  const body = await response.text();
  expect(body).toContain("MemberJoined");
  expect(body).not.toContain("Member m1");
  // The sign-in page's first "who am I" answers 401 before the key is given.
  expect(errors.filter((e) => !e.includes("401"))).toEqual([]);
  await page.close();
}, 60_000);

it("asks a facilitator for the key of the pseudonyms, and the export answers once it is long enough", async () => {
  const { page, errors } = await downloadsAs(keys.facilitator);
  const link = researchLink(page);
  const key = page.locator("details.cg-downloads").getByLabel(/key/i);
  await key.fill("too short");
  expect(await link.getAttribute("href")).toBeNull();
  expect(await link.getAttribute("aria-disabled")).toBe("true");
  await key.fill("the key for the June seminar");
  const href = (await link.getAttribute("href")) as string;
  const response = await fetch(new URL(href, suite.server.url), {
    headers: { authorization: `Bearer ${keys.facilitator}` },
  });
  expect(response.status).toBe(200);
  expect(await response.text()).not.toContain("Member m1");
  // The sign-in page's first "who am I" answers 401 before the key is given.
  expect(errors.filter((e) => !e.includes("401"))).toEqual([]);
  await page.close();
}, 60_000);
