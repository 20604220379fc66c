import { expect, it } from "vitest";
import { convexHull } from "./convex-hull.js";

it("keeps the corners of a square and drops the points inside it and on its sides", () => {
  const square = [
    { x: 0, y: 0 },
    { x: 2, y: 0 },
    { x: 2, y: 2 },
    { x: 0, y: 2 },
  ];
  const inside = [
    { x: 1, y: 1 },
    { x: 1, y: 0 },
    { x: 0.5, y: 1.5 },
  ];
  expect(convexHull([...inside, ...square, square[0] as { x: number; y: number }])).toEqual(square);
});

it("gives one or two points back as they are", () => {
  expect(convexHull([{ x: 1, y: 1 }])).toEqual([{ x: 1, y: 1 }]);
  expect(
    convexHull([
      { x: 3, y: 1 },
      { x: 1, y: 1 },
      { x: 1, y: 1 },
    ]),
  ).toEqual([
    { x: 1, y: 1 },
    { x: 3, y: 1 },
  ]);
});
