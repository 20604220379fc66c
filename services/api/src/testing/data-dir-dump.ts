import { existsSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";

/**
 * Every row of every table of the event log and the personal-data vault in a data folder, sorted:
 * two dumps are equal only if nothing was stored, changed or removed in between.
 */
export function dumpDataDir(dataDir: string, files = ["events.sqlite", "personal.sqlite"]): Record<string, string[]> {
  const dump: Record<string, string[]> = {};
  for (const file of files) {
    const path = join(dataDir, file);
    if (!existsSync(path)) continue;
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .all() as { name: string }[];
      for (const { name } of tables) {
        const rows = db.prepare(`SELECT * FROM "${name}"`).raw().all();
        dump[`${file}/${name}`] = rows.map((row) => JSON.stringify(row, bigintsAsText)).sort();
      }
    } finally {
      db.close();
    }
  }
  return dump;
}

const bigintsAsText = (_key: string, value: unknown) => (typeof value === "bigint" ? value.toString() : value);

/** Makes every later append to the event log fail, as a full disk or a broken file would. */
export function refuseAppends(dataDir: string): void {
  const db = new Database(join(dataDir, "events.sqlite"));
  try {
    db.exec("CREATE TRIGGER refuse_appends BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'appends refused'); END");
  } finally {
    db.close();
  }
}
