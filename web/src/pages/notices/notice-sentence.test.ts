import type { Notice } from "@copgraph/contract";
import { describe, expect, it } from "vitest";
import { noticeDate, noticeSentence } from "./notice-sentence.js";

const notice = (condition: Notice["condition"], value: number, baseline: number): Notice => ({
  id: "w1.2025-02-17T00:00:00.000Z",
  watchId: "w1",
  communityId: "river",
  condition,
  indicator: condition.kind === "no-gathering" ? null : condition.indicator,
  at: "2025-02-17T00:00:00.000Z",
  value,
  baseline,
  link: "#/c/river?at=2025-02-17T00:00:00.000Z",
});

describe("noticeSentence", () => {
  it("says what happened to the reading, with the value it was compared with", () => {
    expect(noticeSentence(notice({ kind: "below-baseline", indicator: "silo.ei" }, -0.714, 0.2), "E-I index")).toBe(
      "E-I index fell below its baseline: -0.71 against 0.20.",
    );
    expect(
      noticeSentence(
        notice({ kind: "drops-by", indicator: "reciprocity.dyadic", by: 0.1, days: 90 }, 0.45, 0.6),
        "Help both ways",
      ),
    ).toBe("Help both ways dropped by more than 0.10 within 90 days: 0.45, from 0.60.");
    expect(noticeSentence(notice({ kind: "no-gathering", days: 60 }, 60, 60), undefined)).toBe(
      "No gathering for 60 days.",
    );
  });

  it("dates it in UTC, as the API does", () => {
    expect(noticeDate("2025-02-17T00:00:00.000Z")).toBe("17 Feb 2025");
  });
});
