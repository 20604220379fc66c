import { expect, it } from "vitest";
import { countForegroundPixels, screenshot } from "../support/browser.js";
import { browserSuite } from "../support/browser-suite.js";

// The harness itself: a real server with the built web app on a temporary log, and Chromium.
const suite = browserSuite("harness");

it("serves the web app at / and renders it in Chromium", async () => {
  const { page, errors } = await suite.browser.newPage();
  await page.goto(suite.server.url);
  await page.waitForSelector("header.top");
  const image = await screenshot(page, "harness");
  expect(countForegroundPixels(image)).toBeGreaterThan(100);
  expect(errors).toEqual([]);
});
