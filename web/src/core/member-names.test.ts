import type { MemberListEntry } from "@copgraph/contract";
import { describe, expect, it } from "vitest";
import { describeMember, MemberNames } from "./member-names.js";

const member = (id: string, displayName?: string, organisation?: string): MemberListEntry => ({
  id,
  ...(displayName && { displayName }),
  ...(organisation && { organisation }),
  attributes: { sector: "education", occupationalLayer: "professional" },
  status: "active",
  joinedAt: "2026-01-01T00:00:00.000Z",
});

const names = new MemberNames([
  member("m1", "Iris Laan", "Noorderpoort College"),
  member("m2", "Zoë Berg", "Noorderpoort College"),
  member("m12", "Ada Bakker"),
  member("m3", "Iris Laan", "Sportclub Oost"),
  member("p_0a1b2c3d4e5f6a7b"),
]);
const ids = (found: MemberListEntry[]) => found.map((m) => m.id);

describe("member names", () => {
  it("labels a member by name, or by id when the caller sees no name", () => {
    expect(names.label("m1")).toBe("Iris Laan");
    expect(names.label("p_0a1b2c3d4e5f6a7b")).toBe("p_0a1b2c3d4e5f6a7b");
    expect(names.label("unknown")).toBe("unknown");
  });

  it("finds by exact id first, then by exact name, then by part of a name or organisation", () => {
    expect(ids(names.match("m1"))).toEqual(["m1"]);
    expect(ids(names.match("iris laan"))).toEqual(["m1", "m3"]);
    expect(ids(names.match("Ada Bakker"))).toEqual(["m12"]);
    expect(ids(names.match("noorderpoort"))).toEqual(["m1", "m2"]);
    expect(ids(names.match("zoe"))).toEqual(["m2"]);
    expect(ids(names.match("bak"))).toEqual(["m12"]);
    expect(names.match("  ")).toEqual([]);
    expect(names.match("Nobody")).toEqual([]);
  });

  it("finds only among the members asked for (those in the view)", () => {
    expect(ids(names.match("Iris Laan", (id) => id !== "m1"))).toEqual(["m3"]);
    expect(ids(names.match("m1", (id) => id !== "m1"))).toEqual(["m12"]);
  });

  it("describes a member by name and organisation", () => {
    expect(describeMember(names.get("m1")!)).toBe("Iris Laan · Noorderpoort College");
    expect(describeMember(names.get("p_0a1b2c3d4e5f6a7b")!)).toBe("p_0a1b2c3d4e5f6a7b");
  });
});
