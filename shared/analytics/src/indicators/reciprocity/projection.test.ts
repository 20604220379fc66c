// The same small history through the real projection (events → CommunityHistory → snapshot) and
// through the test builder: every reciprocity, roles and activity value agrees.
import { describe, expect, it } from "vitest";
import { gathering, interaction, joined, day as projectionDay, stored } from "../../projection/fixtures.js";
import { fromEvents, projectSnapshot } from "../../projection/index.js";
import { activityIndicators } from "../activity/index.js";
import { defaultIndicatorOptions } from "../indicator.js";
import { rolesIndicators } from "../roles/index.js";
import { reciprocityIndicators } from "./index.js";
import { SnapshotBuilder } from "./testing/snapshot-builder.js";

const members = { a: "student", b: "professional", c: "management", d: "director" } as const;

describe("through the projection", () => {
  it("gives the values the builder gives", () => {
    const history = fromEvents(
      stored(
        ...Object.entries(members).map(([id, layer]) => joined(id, 0, { occupationalLayer: layer })),
        gathering("g1", 1, [
          ["a", "facilitator"],
          ["d", "learner"],
          ["b", "participant"],
        ]),
        interaction("i1", "d", ["a"], 3),
        interaction("i2", "b", ["c", "a"], 4, { kind: "mentoring" }),
        interaction("i3", "c", ["b"], 40, { kind: "feedback" }),
        gathering("g2", 50, [
          ["c", "presenter"],
          ["a", "observer"],
          ["d", "co-creator"],
        ]),
        interaction("i4", "a", ["d"], 60, { kind: "collaboration" }),
      ),
    );
    const at = projectionDay(120);
    const projected = projectSnapshot(history, { at, knownAt: at });
    const builder = new SnapshotBuilder();
    for (const [id, layer] of Object.entries(members))
      builder.member(id, { sector: "education", occupationalLayer: layer }, projectionDay(0));
    const built = builder
      .gathering(projectionDay(1), { a: "facilitator", d: "learner", b: "participant" })
      .interaction("d", "a", projectionDay(3))
      .interaction("b", ["c", "a"], projectionDay(4), "mentoring")
      .interaction("c", "b", projectionDay(40), "feedback")
      .gathering(projectionDay(50), { c: "presenter", a: "observer", d: "co-creator" })
      .interaction("a", "d", projectionDay(60), "collaboration")
      .build({ at });
    const options = { ...defaultIndicatorOptions, permutations: 50 };
    for (const indicator of [...reciprocityIndicators, ...rolesIndicators, ...activityIndicators]) {
      const p = indicator.compute(projected, options);
      const b = indicator.compute(built, options);
      expect(p.value, indicator.id).toEqual(b.value);
      expect(p.byMember, indicator.id).toEqual(b.byMember);
      expect(p.byGroup, indicator.id).toEqual(b.byGroup);
    }
    expect(reciprocityIndicators[0]!.compute(projected, options).value).not.toBeNull();
  });
});
