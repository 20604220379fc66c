import type { Page } from "playwright-core";
import type { BrowserSuite } from "./browser-suite.js";

/** A new page signed in with `key` through the sign-in form, once the app shows the account. */
export async function signedInPage(suite: BrowserSuite, key: string): Promise<{ page: Page; errors: string[] }> {
  const opened = await suite.browser.newPage();
  const { page } = opened;
  await page.goto(`${suite.server.url}/#/sign-in`);
  await page.fill("#api-key", key);
  await page.click("form.sign-in button[type=submit]");
  await page.locator(".account button").waitFor();
  return opened;
}

/** A page signed in with `key`, on a community's page once its Surveys section is read. */
export async function surveysPage(
  suite: BrowserSuite,
  key: string,
  communityId: string,
): Promise<{ page: Page; errors: string[] }> {
  const opened = await signedInPage(suite, key);
  await opened.page.goto(`${suite.server.url}/#/c/${communityId}`);
  await opened.page.locator(".cg-surveys[data-state=ready]").waitFor({ timeout: 30_000 });
  return opened;
}
