import { describe, expect, it } from "vitest";
import { hullCore } from "./hull-core.js";

const at = (id: string, x: number, y: number) => ({ id, x, y });
const ring = [at("a", 0, 0), at("b", 1, 0), at("c", 0, 1), at("d", 1, 1), at("e", 0.5, 0.5)];

describe("hullCore", () => {
  it("leaves out a member placed far across the picture", () => {
    expect(hullCore([...ring, at("far", 40, 40)])).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("keeps a group spread evenly, whatever its scale", () => {
    expect(hullCore(ring)).toEqual(["a", "b", "c", "d", "e"]);
    expect(hullCore(ring.map(({ id, x, y }) => at(id, x * 1000, y * 1000)))).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("keeps every member of a small group, and of one stacked on one spot", () => {
    expect(hullCore([at("a", 0, 0), at("b", 1, 0), at("far", 40, 40)])).toEqual(["a", "b", "far"]);
    expect(hullCore(["a", "b", "c", "d", "e"].map((id) => at(id, 3, 3)))).toHaveLength(5);
  });
});
