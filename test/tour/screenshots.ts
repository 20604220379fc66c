// Screenshots of every page of the web app and its main states, into a folder (not committed):
//   node --conditions=source --import tsx test/tour/screenshots.ts [folder]   (default .screenshots/)
// Starts a server with the demo communities on a temporary data folder and a headless Chromium.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ensureWebBuilt, launchBrowser } from "../support/browser.js";
import { startServerProcess } from "../support/server-process.js";
import { tourStops, tourSubjects, visit } from "./stops.js";

const folder = resolve(process.argv[2] ?? ".screenshots");
mkdirSync(folder, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), "copgraph-screenshots-"));
ensureWebBuilt();
const server = await startServerProcess(dataDir);
const browser = await launchBrowser();
let failures = 0;
try {
  const { member, past, survey } = await tourSubjects(server.url);
  for (const stop of tourStops(member, past, survey)) {
    const { page, errors } = await browser.newPage();
    const file = join(folder, `${stop.name}.png`);
    try {
      await visit(page, server.url, stop);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`${file}${errors.length > 0 ? `  (console errors: ${errors.join(" | ")})` : ""}`);
    } catch (error) {
      failures += 1;
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      console.error(`${stop.name}: ${(error as Error).message.split("\n")[0]} (screenshot of what was there: ${file})`);
    } finally {
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.kill();
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(`${failures === 0 ? "every page" : `${failures} page(s) failed`}; screenshots in ${folder}`);
process.exitCode = failures === 0 ? 0 : 1;
