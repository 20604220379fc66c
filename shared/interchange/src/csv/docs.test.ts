import { readFileSync } from "node:fs";
import { catalogues } from "@copgraph/domain";
import { describe, expect, it } from "vitest";
import { csvColumns, csvKinds } from "./columns.js";
import { parseCsvImport } from "./import.js";

const docs = readFileSync(new URL("../../../../docs/formats.md", import.meta.url), "utf8");
const section = (kind: string) => docs.slice(docs.indexOf(`(\`kind = "${kind}"\`)`));
const example = (kind: string) => /```csv\n([\s\S]*?)```/.exec(section(kind))?.[1] ?? "";

describe("docs/formats.md", () => {
  it.each(csvKinds)("names every %s column and gives an example that imports", (kind) => {
    for (const column of csvColumns[kind]) expect(section(kind)).toContain(`| \`${column.name}\` |`);
    const result = parseCsvImport(kind, new TextEncoder().encode(example(kind)), {
      communityId: "docs",
      now: new Date("2026-01-01T00:00:00Z"),
    });
    expect(result).toMatchObject({ ok: true });
  });

  it("lists every catalogue value", () => {
    for (const values of Object.values(catalogues)) for (const value of values) expect(docs).toContain(value);
  });
});
