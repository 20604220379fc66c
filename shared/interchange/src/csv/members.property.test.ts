import { occupationalLayers, sectors } from "@copgraph/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsvImport } from "./import.js";
import { writeCsv } from "./rfc4180.js";

const options = { communityId: "makers", now: new Date("2026-01-01T00:00:00Z") };
// Names with the characters that break naive CSV: delimiters, quotes, line breaks, non-ASCII.
const text = fc
  .string({
    unit: fc.constantFrom("a", "Z", " ", ",", ";", '"', "\n", "é", "ß", "中", "'", "-"),
    minLength: 1,
    maxLength: 30,
  })
  .filter((value) => value.trim() !== "");
const member = fc.record({
  displayName: text,
  sector: fc.constantFrom(...sectors),
  occupationalLayer: fc.constantFrom(...occupationalLayers),
  organisation: fc.option(text, { nil: undefined }),
  region: fc.option(text, { nil: undefined }),
  day: fc.integer({ min: 1, max: 28 }),
});

describe("members import (property)", () => {
  it("reads back whatever a spreadsheet writes, with the line of each row", () => {
    fc.assert(
      fc.property(fc.array(member, { minLength: 1, maxLength: 12 }), fc.boolean(), (members, crlf) => {
        const header = ["memberId", "displayName", "sector", "occupationalLayer", "organisation", "joinedAt", "region"];
        const rows = members.map((m, i) => [
          `m${i}`,
          m.displayName,
          m.sector,
          m.occupationalLayer,
          m.organisation ?? "",
          `2025-01-${String(m.day).padStart(2, "0")}`,
          m.region ?? "",
        ]);
        let csv = writeCsv([header, ...rows]);
        if (!crlf) csv = csv.replaceAll("\r\n", "\n");
        const result = parseCsvImport("members", new TextEncoder().encode(csv), options);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.events.map((event) => event.data)).toEqual(
          members.map((m, i) => ({
            memberId: `m${i}`,
            displayName: m.displayName.trim(),
            sector: m.sector,
            occupationalLayer: m.occupationalLayer,
            ...(m.organisation !== undefined && { organisation: m.organisation.trim() }),
            ...(m.region !== undefined && { attributes: { region: m.region.trim() } }),
            occurredAt: `2025-01-${String(m.day).padStart(2, "0")}T00:00:00Z`,
          })),
        );
        // Each row starts one line after the previous row's last line.
        const lines = csv.split(/\r\n|\n/);
        result.rows.forEach((line, i) => {
          expect(lines[line - 1]?.startsWith(`m${i},`)).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});
