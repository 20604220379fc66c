import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Browser, countForegroundPixels, ensureWebBuilt, launchBrowser, screenshot } from "../support/browser.js";
import { type ServerProcess, startServerProcess } from "../support/server-process.js";

// The harness itself: a real server with the built web app on a temporary log, and Chromium.
let server: ServerProcess;
let browser: Browser;
const dataDir = mkdtempSync(join(tmpdir(), "copgraph-e2e-"));

beforeAll(async () => {
  ensureWebBuilt();
  server = await startServerProcess(dataDir);
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

it("serves the web app at / and renders it in Chromium", async () => {
  const { page, errors } = await browser.newPage();
  await page.goto(server.url);
  await page.waitForSelector("header.top");
  const image = await screenshot(page, "harness");
  expect(countForegroundPixels(image)).toBeGreaterThan(100);
  expect(errors).toEqual([]);
});
