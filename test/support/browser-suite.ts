import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { type Browser, ensureWebBuilt, launchBrowser } from "./browser.js";
import { type ServerProcess, startServerProcess } from "./server-process.js";

export interface BrowserSuite {
  readonly dataDir: string;
  /** Set once the suite's beforeAll has run. */
  server: ServerProcess;
  browser: Browser;
}

/**
 * A browser test file's fixture: a real server process on a fresh data folder and one Chromium,
 * started before the file's tests and gone after them. `prepare` runs on the folder first (keys).
 */
export function browserSuite(
  name: string,
  options: { env?: NodeJS.ProcessEnv; prepare?: (dataDir: string) => void } = {},
): BrowserSuite {
  const suite = { dataDir: mkdtempSync(join(tmpdir(), `copgraph-e2e-${name}-`)) } as BrowserSuite;
  beforeAll(async () => {
    ensureWebBuilt();
    options.prepare?.(suite.dataDir);
    suite.server = await startServerProcess(suite.dataDir, options.env);
    suite.browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.kill();
    rmSync(suite.dataDir, { recursive: true, force: true });
  });
  return suite;
}
