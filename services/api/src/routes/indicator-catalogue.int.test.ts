import { readFileSync } from "node:fs";
import { indicatorOptionNames, indicatorUnits } from "@copgraph/analytics";
import { IndicatorCatalogue, IndicatorOptionName, IndicatorUnit } from "@copgraph/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, seedCommunity, type TestApp } from "../testing/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedCommunity(t.app);
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: "GET", url });

describe("GET /v1/indicators", () => {
  it("describes every indicator the analytics reads compute, at the version they return", async () => {
    const response = await get("/v1/indicators");
    expect(response.statusCode, response.body).toBe(200);
    const catalogue = IndicatorCatalogue.parse(response.json());
    const values = (await get("/v1/communities/town/indicators")).json().indicators as Record<
      string,
      { version: number }
    >;
    expect(catalogue.indicators.map((indicator) => indicator.id)).toEqual(Object.keys(values));
    for (const indicator of catalogue.indicators) expect(indicator.version).toBe(values[indicator.id]?.version);
    expect(catalogue.families.map((family) => family.id)).toEqual([
      "network",
      "diversity",
      "silo",
      "reciprocity",
      "roles",
      "activity",
    ]);
  });

  it("names the units and options the analytics know, no more, no fewer", () => {
    expect(IndicatorUnit.options).toEqual([...indicatorUnits]);
    expect(IndicatorOptionName.options).toEqual([...indicatorOptionNames]);
  });

  it("says what docs/indicators.md says", async () => {
    const catalogue = IndicatorCatalogue.parse((await get("/v1/indicators")).json());
    const ei = catalogue.indicators.find((indicator) => indicator.id === "silo.ei");
    expect(ei).toMatchObject({ family: "silo", title: "E-I index", unit: "index", options: ["attribute"] });
    const page = readFileSync(new URL("../../../../docs/indicators.md", import.meta.url), "utf8");
    const words = (text: string) => text.replace(/\s+/g, " ");
    for (const indicator of catalogue.indicators) {
      expect(page).toContain(`### \`${indicator.id}\` · v${indicator.version} — ${indicator.title}`);
      for (const text of [indicator.formula, indicator.source, indicator.returns, indicator.reading])
        expect(words(page)).toContain(words(text));
    }
  });

  it("refuses an unknown indicator in every analytics read as before: 400 unknown_indicator naming it", async () => {
    for (const url of [
      "/v1/communities/town/indicators?indicators=silo.nothing",
      "/v1/communities/town/indicators/timeline?from=2025-01-01T00:00:00Z&to=2025-03-01T00:00:00Z&indicators=silo.nothing",
      "/v1/compare?communities=town&indicators=silo.nothing",
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.headers["content-type"]).toBe("application/problem+json; charset=utf-8");
      expect(response.json()).toMatchObject({
        type: "urn:copgraph:problem:unknown_indicator",
        title: "Invalid request",
        status: 400,
        code: "unknown_indicator",
        detail: expect.stringMatching(/^unknown indicator 'silo\.nothing'; known: network\.members, network\.ties, /),
        instance: url,
      });
    }
  });
});
