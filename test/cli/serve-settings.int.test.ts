import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli-process.js";

// `copgraph serve` reads every setting from one schema: its help lists them, and a start with wrong
// settings names each of them, exits 2 and opens nothing.
describe("copgraph serve's settings", () => {
  const dir = mkdtempSync(join(tmpdir(), "copgraph-serve-settings-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("--help lists every setting of README's table, with its flag", async () => {
    const help = await runCli(["serve", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--port <n>, PORT");
    expect(help.stdout).toContain("(default 3000)");
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const rows = [...readme.matchAll(/^\| `([A-Z_]+)` \| (?:`([^`]+)`)? \|/gm)];
    expect(rows.length).toBeGreaterThan(15);
    for (const [, variable, flag] of rows) {
      expect(help.stdout).toContain(flag ? `${flag}, ${variable}` : variable);
    }
  });

  it("names every wrong setting at once, exits 2 and creates no data folder", async () => {
    const dataDir = join(dir, "never");
    const result = await runCli(["serve", "--port", "http", "--data-dir", dataDir], {
      COPGRAPH_AUTH: "maybe",
      COPGRAPH_STREAMS_PER_KEY: "0",
      COPGRAPH_DEMO: "perhaps",
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("PORT must be a whole number from 0 to 65535, not 'http'");
    expect(result.stderr).toContain("COPGRAPH_AUTH must be auto, on or off, not 'maybe'");
    expect(result.stderr).toContain("COPGRAPH_STREAMS_PER_KEY must be a whole number of at least 1, not '0'");
    expect(result.stderr).toContain("COPGRAPH_DEMO must be");
    expect(existsSync(dataDir)).toBe(false);
  });

  it("refuses to run open on a network address with exit 2, before it opens anything", async () => {
    const dataDir = join(dir, "open");
    const result = await runCli(["serve", "--host", "0.0.0.0", "--data-dir", dataDir], { COPGRAPH_AUTH: "off" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("COPGRAPH_AUTH=off would serve every caller as admin on 0.0.0.0");
    expect(existsSync(dataDir)).toBe(false);
  });
});
