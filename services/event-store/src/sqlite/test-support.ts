import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A fresh directory under the OS temp dir for one test; `remove` deletes it. */
export async function tempDir(): Promise<{ dir: string; path: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "copgraph-event-store-"));
  return { dir, path: join(dir, "events.sqlite"), remove: () => rm(dir, { recursive: true, force: true }) };
}
