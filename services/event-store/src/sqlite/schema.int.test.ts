import Database from "better-sqlite3";
import { afterEach, beforeEach, expect, it } from "vitest";
import { openDatabase } from "./schema.js";
import { openSqliteEventStore } from "./store.js";
import { tempDir } from "./test-support.js";

let path: string;
let remove: () => Promise<void>;
beforeEach(async () => {
  ({ path, remove } = await tempDir());
});
afterEach(() => remove());

const pageSize = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return Number(db.pragma("page_size", { simple: true }));
  } finally {
    db.close();
  }
};

it("creates a new log with 8 KiB pages in WAL mode", () => {
  openDatabase(path).close();
  expect(pageSize(path)).toBe(8192);
});

it("opens a log made with 4 KiB pages as it is, and reads and appends to it", async () => {
  const old = new Database(path);
  old.pragma("page_size = 4096");
  old.pragma("journal_mode = WAL");
  old.close();
  const store = openSqliteEventStore({ path });
  await store.appendToStream("s", [{ id: crypto.randomUUID(), type: "T", data: { n: 1 } }]);
  expect((await store.readStream("s")).map((event) => event.data)).toEqual([{ n: 1 }]);
  await store.close();
  expect(pageSize(path)).toBe(4096);
});
