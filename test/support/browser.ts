import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { PNG } from "pngjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
export const screenshotDir = join(root, ".test-output", "screenshots");

// Debian's chromium, headless, with WebGL through SwiftShader (sigma needs it) and no background
// networking (this machine's network is closed).
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--enable-unsafe-swiftshader",
];

export interface Browser {
  readonly context: BrowserContext;
  /** A new page whose console errors and uncaught exceptions are collected in `errors`. */
  newPage(): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

export async function launchBrowser(viewport = { width: 1280, height: 800 }): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath}: apt-get install -y chromium (CI's .ci/run does)`);
  }
  const profile = mkdtempSync(join(tmpdir(), "copgraph-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
  });
  return {
    context,
    async newPage() {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      return { page, errors };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Builds web/dist when it is missing or older than the app's sources. */
export function ensureWebBuilt(): void {
  const dist = join(root, "web", "dist", "index.html");
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
      const path = join(dir, entry.name);
      return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
    }, 0);
  const sources = Math.max(newest(join(root, "web", "src")), statSync(join(root, "web", "index.html")).mtimeMs);
  if (existsSync(dist) && statSync(dist).mtimeMs >= sources) return;
  const result = spawnSync("npx", ["vite", "build"], { cwd: join(root, "web"), stdio: "pipe" });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
}

/** Saves a screenshot under .test-output/screenshots and returns its PNG bytes. */
export async function screenshot(page: Page, name: string, selector?: string): Promise<Buffer> {
  mkdirSync(screenshotDir, { recursive: true });
  const image = selector ? await page.locator(selector).screenshot() : await page.screenshot();
  writeFileSync(join(screenshotDir, `${name}.png`), image);
  return image;
}

/** Pixels that differ from the image's most common colour (the background): a blank canvas has none. */
export function countForegroundPixels(png: Buffer): number {
  const image = PNG.sync.read(png);
  const counts = new Map<number, number>();
  const { data } = image;
  for (let i = 0; i < data.length; i += 4) {
    const key = ((data[i] as number) << 16) | ((data[i + 1] as number) << 8) | (data[i + 2] as number);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const background = Math.max(...counts.values());
  return data.length / 4 - background;
}
