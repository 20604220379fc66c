import { expect, it } from "vitest";
import { parseRoute } from "./router.js";

it("reads each route, its community or token, and its query", () => {
  expect(parseRoute("#/").name).toBe("overview");
  expect(parseRoute("#/c/town%20one?at=2026-01-01")).toMatchObject({ name: "community", communityId: "town one" });
  expect(parseRoute("#/c/town?at=2026-01-01").query.get("at")).toBe("2026-01-01");
  expect(parseRoute("#/c/town/record")).toMatchObject({ name: "record", communityId: "town" });
  expect(parseRoute("#/survey/abc_-1")).toMatchObject({ name: "survey", token: "abc_-1" });
  expect(parseRoute("#/compare?ids=a,b").name).toBe("compare");
});

it("takes an address with a broken escape or an unknown path for a page that is not there", () => {
  expect(parseRoute("#/c/%E0%A4%A").name).toBe("not-found");
  expect(parseRoute("#/c/town/nowhere").name).toBe("not-found");
});
