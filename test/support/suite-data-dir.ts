import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

/** A fresh temporary folder for this test file's event log, removed after its tests. */
export function suiteDataDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `copgraph-${name}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
