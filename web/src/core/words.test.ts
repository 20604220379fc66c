import { describe, expect, it } from "vitest";
import { durationWords, periodWords, slugWords } from "./words.js";

describe("words on screen", () => {
  it("says catalogue values and field names as words", () => {
    expect(slugWords("public-authority")).toBe("public authority");
    expect(slugWords("civil-society")).toBe("civil society");
    expect(slugWords("occupationalLayer")).toBe("occupational layer");
    expect(slugWords("learningEnvironment")).toBe("learning environment");
    expect(slugWords("non_formal")).toBe("non formal");
    expect(slugWords("education")).toBe("education");
    // Text people typed is shown as written.
    expect(slugWords("Noorderpoort College")).toBe("Noorderpoort College");
    expect(slugWords("North-East")).toBe("North-East");
    expect(slugWords("m-4f2a B")).toBe("m-4f2a B");
  });

  it("says durations in words", () => {
    expect(durationWords("P90D")).toBe("90 days");
    expect(durationWords("P1D")).toBe("1 day");
    expect(durationWords("P6M")).toBe("6 months");
    expect(durationWords("P1Y6M")).toBe("1 year and 6 months");
    expect(durationWords("PT12H")).toBe("12 hours");
    expect(durationWords("P1DT2H30M")).toBe("1 day, 2 hours and 30 minutes");
    expect(durationWords("90 days")).toBe("90 days");
    expect(durationWords("P")).toBe("P");
  });

  it("says the view's period in words", () => {
    expect(periodWords("window:P90D")).toBe("the last 90 days");
    expect(periodWords("window:P365D")).toBe("the last 365 days");
    expect(periodWords("halfLife:P30D")).toBe("fading with a half-life of 30 days");
    expect(periodWords("all")).toBe("the whole history");
  });
});
