import { expect, it } from "vitest";
import { Progress } from "./progress.js";

/** A stream that keeps what is written, as a pipe (not a terminal) would get it. */
const pipe = () => {
  const lines: string[] = [];
  const stream = { isTTY: false, write: (text: string) => lines.push(text) } as unknown as NodeJS.WriteStream;
  return { lines, stream };
};

it("shows the share of a known total", () => {
  const { lines, stream } = pipe();
  const progress = new Progress("importing", 200, stream);
  progress.update(50);
  progress.done(200);
  expect(lines[0]).toMatch(/^importing \[#{6} {18}\] 25% 50\/200 \(/);
  expect(lines[1]).toMatch(/^importing \[#{24}\] 100% 200\/200 \(/);
});

it("shows a fraction when only that is known (bytes of a file read), and counts without a bar otherwise", () => {
  const { lines, stream } = pipe();
  const progress = new Progress("importing", undefined, stream);
  progress.update(1_500, 0.5);
  progress.done(3_000);
  expect(lines[0]).toMatch(/^importing \[#{12} {12}\] 50% 1,500 \(/);
  expect(lines[1]).toMatch(/^importing \[#{24}\] 100% 3,000 \(/);
  const counts = pipe();
  new Progress("checking", undefined, counts.stream).update(7);
  expect(counts.lines[0]).toMatch(/^checking 7 \(/);
});
