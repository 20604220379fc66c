import { describe, expect, it } from "vitest";
import { memberIdWarnings } from "./member-id-warnings.js";

describe("memberIdWarnings", () => {
  it("warns of the member's name, or a part of it, in the id", () => {
    expect(memberIdWarnings("xanthippe.vorobyeva", "Xanthippe Vorobyeva").join(" ")).toContain("name");
    expect(memberIdWarnings("vorobyeva-2", "Xanthippe Vorobyeva").join(" ")).toContain("name");
    expect(memberIdWarnings("ZoëK", "Zoë K").join(" ")).toContain("name");
  });

  it("says nothing of an opaque id", () => {
    expect(memberIdWarnings("m-7f3a9c", "Xanthippe Vorobyeva")).toEqual([]);
    expect(memberIdWarnings("0b5a3b8e-58c9-4c1e-9d0f-1d1a3a5d7c01", "Al")).toEqual([]);
    expect(memberIdWarnings("m7")).toEqual([]);
  });
});
