export type Point = { readonly x: number; readonly y: number };

/**
 * The convex hull of points, counter-clockwise from the lowest-leftmost, without collinear points
 * (Andrew's monotone chain). Fewer than three distinct points come back as they are, deduplicated.
 */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  const distinct = sorted.filter(
    (p, index) => index === 0 || p.x !== sorted[index - 1]?.x || p.y !== sorted[index - 1]?.y,
  );
  if (distinct.length < 3) return distinct;
  const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const chain = (list: readonly Point[]) => {
    const out: Point[] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2] as Point, out[out.length - 1] as Point, p) <= 0) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  return [...chain(distinct), ...chain([...distinct].reverse())];
}
