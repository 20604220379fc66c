import { CommunityHistory } from "@copgraph/analytics";
import { describe, expect, it } from "vitest";
import { QueryCapExceeded, resolveQuery } from "./resolve-query.js";

/** A history whose first fact, a join, happened (and was recorded) at `first`. */
const historyFrom = (first: string) =>
  CommunityHistory.fromEvents([
    {
      event: {
        type: "MemberJoined",
        data: {
          memberId: "ana",
          displayName: "Ana",
          sector: "education",
          occupationalLayer: "professional",
          occurredAt: first,
        },
      },
      recordedAt: Date.parse(first),
      revision: 1,
    },
  ]);
const history = historyFrom("2020-01-01T00:00:00Z");

describe("resolveQuery", () => {
  it("reads 'now' as the end of the current minute, so the same query hits the same cache entry for a minute", () => {
    const early = resolveQuery({}, new Date("2026-06-01T12:00:00.500Z"), 7, history);
    const late = resolveQuery({}, new Date("2026-06-01T12:00:59.999Z"), 7, history);
    expect(early.resolved).toEqual(late.resolved);
    expect(early.resolved.at).toBe("2026-06-01T12:01:00.000Z");
    expect(early.resolved.knownAt).toBe("2026-06-01T12:01:00.000Z");
    expect(resolveQuery({}, new Date("2026-06-01T12:00:00.000Z"), 7, history).resolved.at).toBe(
      "2026-06-01T12:00:00.000Z",
    );
  });

  it("keeps dates the caller gives", () => {
    const { resolved } = resolveQuery(
      { at: "2026-05-01T08:30:15Z", knownAt: "2026-05-02T00:00:01Z", window: "P30D" },
      new Date("2026-06-01T12:00:30Z"),
      3,
      history,
    );
    expect(resolved).toMatchObject({
      at: "2026-05-01T08:30:15.000Z",
      knownAt: "2026-05-02T00:00:01.000Z",
      from: "2026-04-01T08:30:15.000Z",
      // The revision known at knownAt: the history's one event, not the 3 the log has by now.
      revision: 1,
    });
  });

  it("echoes the revision known at knownAt, not the latest", () => {
    const now = new Date("2026-06-01T12:00:00Z");
    expect(resolveQuery({ knownAt: "2019-12-31T23:59:59Z" }, now, 1, history).resolved.revision).toBe(-1);
    expect(resolveQuery({ knownAt: "2020-01-01T00:00:00Z" }, now, 1, history).resolved.revision).toBe(1);
    expect(resolveQuery({}, now, 1, history).resolved.revision).toBe(1);
  });

  it("starts a window or `from` reaching before the history at its first fact", () => {
    const now = new Date("2026-06-01T12:00:00Z");
    const fromFirst = resolveQuery({ from: "2020-01-01T00:00:00Z" }, now, 3, history);
    expect(fromFirst.resolved.from).toBe("2020-01-01T00:00:00.000Z");
    for (const params of [{ window: "P10Y" }, { window: "P999999Y" }, { from: "0000-01-01T00:00:00Z" }]) {
      expect(resolveQuery(params, now, 3, history), JSON.stringify(params)).toEqual(fromFirst);
    }
    expect(resolveQuery({ window: "P1Y" }, now, 3, history).resolved.from).toBe("2025-06-01T12:00:00.000Z");
  });

  it("starts every window at `at` before the history begins, or when nothing is known", () => {
    const early = { at: "2019-06-01T00:00:00Z" };
    for (const window of ["P1D", "P999999Y"]) {
      expect(resolveQuery({ ...early, window }, new Date(), 3, history).resolved.from).toBe("2019-06-01T00:00:00.000Z");
      expect(resolveQuery({ ...early, window }, new Date(), 0, new CommunityHistory()).resolved.from).toBe(
        "2019-06-01T00:00:00.000Z",
      );
    }
  });
});

describe("resolveQuery, exact", () => {
  it("passes exact into the indicators' options and echoes it, false unless asked", () => {
    const now = new Date("2026-06-01T12:00:00Z");
    const asked = resolveQuery({ exact: true }, now, 1, history);
    expect(asked.options.exact).toBe(true);
    expect(asked.resolved.exact).toBe(true);
    const unasked = resolveQuery({}, now, 1, history);
    expect(unasked.options.exact).toBe(false);
    expect(unasked.resolved.exact).toBe(false);
  });
});

describe("resolveQuery, the cap on periods", () => {
  const now = new Date("2026-06-01T12:00:00Z");

  it("refuses an `at` more than 2400 periods of 30 days after the history's start, naming the cap", () => {
    // 2020-01-01 + 2400 · 30 days = 2217-02-06: the last `at` with at most 2400 periods.
    const last = new Date(Date.parse("2020-01-01T00:00:00Z") + 2400 * 30 * 86_400_000).toISOString();
    expect(resolveQuery({ at: last }, now, 1, history).resolved.at).toBe(last);
    const past = new Date(Date.parse(last) + 1).toISOString();
    expect(() => resolveQuery({ at: past }, now, 1, history)).toThrow(QueryCapExceeded);
    expect(() => resolveQuery({ at: "9999-12-31T23:59:59Z" }, now, 1, history)).toThrow(
      /spans 97\d{3} periods of 30 days .*the cap is 2400 periods/,
    );
  });

  it("counts from the window's start: a short window at a far date is fine, a `from` near the history is not", () => {
    expect(resolveQuery({ at: "9999-12-31T23:59:59Z", window: "P1Y" }, now, 1, history).resolved.from).toBe(
      "9998-12-31T23:59:59.000Z",
    );
    expect(() => resolveQuery({ at: "9999-12-31T23:59:59Z", window: "P999999Y" }, now, 1, history)).toThrow(
      QueryCapExceeded,
    );
    expect(() => resolveQuery({ at: "2400-01-01T00:00:00Z", from: "2100-01-01T00:00:00Z" }, now, 1, history)).toThrow(
      QueryCapExceeded,
    );
  });

  it("says what the API answers with: 400 and a code", () => {
    const error = (() => {
      try {
        resolveQuery({ at: "9999-12-31T23:59:59Z" }, now, 1, history);
      } catch (caught) {
        return caught as QueryCapExceeded;
      }
    })();
    expect(error).toMatchObject({ statusCode: 400, code: "query_cap_exceeded", cap: "periods", limit: 2400 });
  });

  it("has nothing to count before the history starts or when nothing is known", () => {
    expect(resolveQuery({ at: "2019-01-01T00:00:00Z" }, now, 1, history).resolved.from).toBeNull();
    expect(resolveQuery({ at: "9999-12-31T23:59:59Z" }, now, 0, new CommunityHistory()).resolved.at).toBe(
      "9999-12-31T23:59:59.000Z",
    );
  });
});
