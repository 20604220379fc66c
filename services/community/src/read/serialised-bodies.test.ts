import { describe, expect, it } from "vitest";
import { SerialisedBodies } from "./serialised-bodies.js";

describe("SerialisedBodies", () => {
  it("serialises a body once per key and community", () => {
    const bodies = new SerialisedBodies(2);
    let built = 0;
    const build = () => {
      built += 1;
      return { n: built };
    };
    expect(bodies.get("a", "k", build)).toBe('{"n":1}');
    expect(bodies.get("a", "k", build)).toBe('{"n":1}');
    expect(bodies.get("b", "k", build)).toBe('{"n":2}');
    expect(built).toBe(2);
  });

  it("keeps only the last few bodies of a community", () => {
    const bodies = new SerialisedBodies(2);
    let built = 0;
    const build = () => ++built;
    for (const key of ["k1", "k2", "k3"]) bodies.get("a", key, build);
    bodies.get("a", "k1", build);
    expect(built).toBe(4);
    bodies.get("a", "k3", build);
    expect(built).toBe(4);
  });

  it("keeps nothing when building fails", () => {
    const bodies = new SerialisedBodies(2);
    expect(() =>
      bodies.get("a", "k", () => {
        throw new Error("unknown indicator");
      }),
    ).toThrow("unknown indicator");
    expect(bodies.get("a", "k", () => "ok")).toBe('"ok"');
  });
});

describe("SerialisedBodies' byte budget", () => {
  it("drops the least recently read bodies of any community past it, never the body just made", () => {
    const bodies = new SerialisedBodies(8, 30);
    let built = 0;
    const body = (size: number) => () => {
      built += 1;
      return "x".repeat(size);
    };
    bodies.get("a", "k1", body(10));
    bodies.get("b", "k1", body(10));
    bodies.get("a", "k1", body(10));
    expect(built).toBe(2);
    // 12 more bytes: the least recently read, b's, goes.
    bodies.get("c", "k1", body(10));
    bodies.get("a", "k1", body(10));
    bodies.get("b", "k1", body(10));
    expect(built).toBe(4);
    // A body over the whole budget is still answered (and kept until the next one).
    expect(bodies.get("d", "big", body(100))).toHaveLength(102);
    expect(bodies.get("d", "big", body(100))).toHaveLength(102);
    expect(built).toBe(5);
  });
});
