import { describe, expect, it } from "vitest";
import { computeReciprocityByLayer } from "./by-layer.js";
import { computeCrossLayerReciprocity } from "./cross-layer.js";
import { day, SnapshotBuilder } from "./testing/snapshot-builder.js";

// a⇄b in advice; a→c advice returned by c→a knowledge-sharing; a→d mentoring; a→e mentoring with
// only co-attendance back (a mutual layer: no return); f⇄g collaboration.
const snapshot = new SnapshotBuilder()
  .arc("a", "b")
  .arc("b", "a")
  .arc("a", "c")
  .arc("c", "a", "knowledge-sharing")
  .arc("a", "d", "mentoring")
  .arc("a", "e", "mentoring")
  .arc("e", "a", "co-attendance")
  .arc("f", "g", "collaboration")
  .arc("g", "f", "collaboration")
  .build({ at: day(1) });

describe("reciprocity.by_layer", () => {
  it("edge reciprocity per present layer; value pooled over the directed layers", () => {
    const result = computeReciprocityByLayer(snapshot);
    expect(result.byGroup).toEqual({
      advice: 2 / 3,
      "knowledge-sharing": 0,
      mentoring: 0,
      collaboration: 1,
      "co-attendance": 0,
    });
    // directed arcs: advice 3, knowledge-sharing 1, mentoring 2; reciprocated within a layer: 2.
    expect(result.value).toBeCloseTo(2 / 6, 12);
  });

  it("a layer on one arc only is reciprocated only by the same layer", () => {
    const s = new SnapshotBuilder()
      .arc("a", "b", "advice")
      .arc("b", "a", "feedback")
      .build({ at: day(1) });
    expect(computeReciprocityByLayer(s).byGroup).toEqual({ advice: 0, feedback: 0 });
    expect(computeReciprocityByLayer(s).value).toBe(0);
  });

  it("null without directed arcs", () => {
    const s = new SnapshotBuilder()
      .arc("a", "b", "co-attendance")
      .arc("b", "a", "co-attendance")
      .build({ at: day(1) });
    expect(computeReciprocityByLayer(s).value).toBeNull();
    expect(computeReciprocityByLayer(s).byGroup).toEqual({ "co-attendance": 1 });
  });
});

describe("reciprocity.cross_layer", () => {
  it("share of directed (arc, layer) units returned only in another directed layer", () => {
    const result = computeCrossLayerReciprocity(snapshot);
    // units: a→b adv (same), b→a adv (same), a→c adv (cross), c→a ks (cross), a→d ment, a→e ment (none).
    expect(result.value).toBeCloseTo(2 / 6, 12);
    expect(result.byGroup).toEqual({ advice: 1 / 3, "knowledge-sharing": 1, mentoring: 0 });
    expect(result.details).toEqual({
      units: 6,
      sameLayer: 2,
      crossLayer: 2,
      unreciprocated: 2,
      matrix: { advice: { "knowledge-sharing": 1 }, "knowledge-sharing": { advice: 1 } },
    });
  });

  it("a tie in two layers returned in one of them: that layer is same-layer, the other cross-layer", () => {
    const s = new SnapshotBuilder()
      .arc("a", "b", "advice")
      .arc("a", "b", "mentoring")
      .arc("b", "a", "advice")
      .build({ at: day(1) });
    const result = computeCrossLayerReciprocity(s);
    // units: a→b advice (same), a→b mentoring (cross, by advice), b→a advice (same).
    expect(result.value).toBeCloseTo(1 / 3, 12);
    expect(result.details).toMatchObject({ sameLayer: 2, crossLayer: 1, matrix: { mentoring: { advice: 1 } } });
  });

  it("`led` counts as a directed layer: a facilitator later advised by a learner", () => {
    const s = new SnapshotBuilder()
      .gathering(day(0), { a: "facilitator", b: "learner" })
      .interaction("b", "a", day(3), "advice")
      .build({ at: day(10) });
    const result = computeCrossLayerReciprocity(s);
    expect(result.value).toBe(1);
    expect(result.byGroup).toEqual({ advice: 1, led: 1 });
  });

  it("null without directed units", () => {
    const s = new SnapshotBuilder().arc("a", "b", "collaboration").build({ at: day(1) });
    expect(computeCrossLayerReciprocity(s).value).toBeNull();
  });
});
