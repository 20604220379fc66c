import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { browserSuite } from "../support/browser-suite.js";
import { tourStops, tourSubjects, visit } from "../tour/stops.js";

// axe-core on every page and main state of the tour (the screenshot script's list): no serious or
// critical violation. axe is evaluated through the DevTools protocol, which the page's CSP allows.

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: { readonly target: unknown[] }[];
}

const suite = browserSuite("accessibility");

describe("accessibility (axe-core)", () => {
  it("finds no serious or critical violation on any page", async () => {
    const { member, past, survey } = await tourSubjects(suite.server.url);
    const found: string[] = [];
    for (const stop of tourStops(member, past, survey)) {
      const { page } = await suite.browser.newPage();
      try {
        await visit(page, suite.server.url, stop);
        const { violations, passes } = (await page.evaluate(
          `${axeSource}; axe.run(document).then((r) => ({ violations: r.violations, passes: r.passes.length }))`,
        )) as { violations: Violation[]; passes: number };
        // A run that checked nothing proves nothing.
        expect(passes, stop.name).toBeGreaterThan(10);
        for (const v of violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
          const targets = v.nodes
            .slice(0, 3)
            .map((n) => JSON.stringify(n.target))
            .join(", ");
          found.push(`${stop.name}: ${v.impact} ${v.id} (${v.help}) at ${targets}`);
        }
      } finally {
        await page.close();
      }
    }
    expect(found).toEqual([]);
  }, 240_000);
});
