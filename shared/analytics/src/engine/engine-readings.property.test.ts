import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeIndicators, indicatorById } from "../indicators/registry.js";
import { fromEvents } from "../projection/community-history.js";
import { projectSnapshot } from "../projection/project-snapshot.js";
import { logArb, queryArb } from "../projection/testing/random-histories.js";
import { compactReadings } from "./compact-readings.js";
import { engineIndicators } from "./engine-indicators.js";
import { EngineView } from "./engine-view.js";
import { projectCompact } from "./project-compact.js";

const attributeArb = fc.constantFrom("sector", "occupationalLayer", "office", "learningEnvironment");

describe("the engine's compact readings", () => {
  it("equal the indicators they stand for, on the reference projection", () => {
    fc.assert(
      fc.property(logArb, queryArb, attributeArb, (log, query, attribute) => {
        const history = fromEvents(log);
        const compact = projectCompact(history, query);
        const reference = projectSnapshot(history, query);
        const options = { attribute, seed: 1, permutations: 0 };
        for (const [id, reading] of compactReadings) {
          expect({ id, ...reading(compact, options) }).toEqual({
            id,
            ...indicatorById.get(id)!.compute(reference, options),
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it("gives every indicator of the catalogue as the reference does", () => {
    fc.assert(
      fc.property(logArb, queryArb, attributeArb, (log, query, attribute) => {
        const history = fromEvents(log);
        const options = { attribute, seed: 7, permutations: 20 };
        expect(engineIndicators(EngineView.of(history, query), options)).toEqual(
          computeIndicators(projectSnapshot(history, query), options),
        );
      }),
      { numRuns: 60 },
    );
  });
});
