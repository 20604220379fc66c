// docs/survey-analytics.md lists every survey reading as the catalogue describes it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { surveyReadings } from "./catalogue.js";

const page = readFileSync(new URL("../../../../docs/survey-analytics.md", import.meta.url), "utf8");
const flat = (text: string) => text.replace(/\s+/g, " ");

describe("the survey readings' catalogue", () => {
  it("has unique ids and versions of at least 1", () => {
    const ids = surveyReadings.map((reading) => reading.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const reading of surveyReadings) expect(reading.version).toBeGreaterThanOrEqual(1);
  });

  it("is what docs/survey-analytics.md lists, entry by entry, in the same order", () => {
    const headings = [...page.matchAll(/^### `([^`]+)` · v(\d+) — (.+)$/gm)].map((m) => `${m[1]} v${m[2]} ${m[3]}`);
    expect(headings).toEqual(surveyReadings.map((r) => `${r.id} v${r.version} ${r.title}`));
    const text = flat(page);
    for (const reading of surveyReadings) {
      expect(text.includes(flat(`- **Formula** ${reading.formula}`)), `${reading.id}: the page's formula differs`).toBe(
        true,
      );
      expect(text.includes(flat(`- **Source** ${reading.source}`)), `${reading.id}: the page's source differs`).toBe(
        true,
      );
    }
  });
});
