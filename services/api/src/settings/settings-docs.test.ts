import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { settingsHelp, shownDefault, withSettingsTable } from "./settings-docs.js";
import { eachSetting } from "./settings-schema.js";

const readme = readFileSync(new URL("../../../../README.md", import.meta.url), "utf8");
/** Variables README names that are no settings of the server: knobs of the test runs. */
const testKnobs = new Set(["COPGRAPH_FUZZ_RUNS"]);

describe("the settings' documentation", () => {
  it("the help of `copgraph serve` lists every setting: its flag, variable, description and default", () => {
    const help = settingsHelp().replace(/\s+/g, " ");
    for (const [, spec] of eachSetting()) {
      expect(help).toContain(spec.env);
      if (spec.flag) expect(help).toContain(`--${spec.flag.name}`);
      expect(help).toContain(`${spec.description} (default ${shownDefault(spec)})`);
    }
  });

  it("keeps every line of the help within 100 characters", () => {
    for (const line of settingsHelp().split("\n")) expect(line.length, line).toBeLessThanOrEqual(100);
  });

  it("README's table of settings is the one the schema writes (node scripts/settings-docs.mjs)", () => {
    expect(readme).toBe(withSettingsTable(readme));
  });

  it("every COPGRAPH_ variable README names is a setting", () => {
    const settings = new Set(eachSetting().map(([, spec]) => spec.env));
    const named = new Set(readme.match(/COPGRAPH_[A-Z_]+[A-Z]/g));
    expect([...named].filter((name) => !settings.has(name) && !testKnobs.has(name))).toEqual([]);
  });
});
