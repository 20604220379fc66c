// docs/indicators.md cannot drift from the descriptions: its indicator entries are exactly what
// they write (`node scripts/indicator-docs.mjs` rewrites them).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { IndicatorFamily } from "./indicator.js";
import { indicatorReference, REFERENCE_END, REFERENCE_START, withIndicatorReference } from "./reference.js";

const page = readFileSync(new URL("../../../../docs/indicators.md", import.meta.url), "utf8");

describe("the indicator reference", () => {
  it("is what docs/indicators.md holds between its markers", () => {
    expect(page, "docs/indicators.md differs: run node scripts/indicator-docs.mjs").toBe(withIndicatorReference(page));
  });

  it("wraps at 100 characters, never inside a code span nor before a word that would open a list", () => {
    const family: IndicatorFamily = {
      id: "demo",
      title: "Demo",
      about: `${"word ".repeat(30)}\n\nsecond paragraph`,
      indicators: [
        {
          id: "demo.one",
          version: 2,
          title: "One",
          unit: "count",
          options: [],
          formula: `${"x".repeat(80)} \`a code span that must stay whole\` - 1. tail`,
          source: "standard.",
          returns: "`value`.",
          reading: '"3."',
          compute: () => ({ value: 3 }),
        },
      ],
    };
    expect(indicatorReference([family])).toBe(
      [
        "## Demo",
        "",
        `${"word ".repeat(19)}word`,
        `${"word ".repeat(9)}word`,
        "",
        "second paragraph",
        "",
        "### `demo.one` · v2 — One",
        `- **Formula** ${"x".repeat(80)}`,
        "  `a code span that must stay whole` - 1. tail",
        "- **Source** standard.",
        "- **Baseline** none.",
        "- **Returns** `value`.",
        '- **Reading** "3."',
        "",
      ].join("\n"),
    );
  });

  it("replaces only what lies between the markers", () => {
    const before = `# Title\n\n${REFERENCE_START}\n\nold entries\n\n${REFERENCE_END}\n\n## After\n`;
    expect(withIndicatorReference(before, "new entries\n")).toBe(
      `# Title\n\n${REFERENCE_START}\n\nnew entries\n\n${REFERENCE_END}\n\n## After\n`,
    );
    expect(() => withIndicatorReference("# no markers\n")).toThrow(/markers/);
  });
});
