/**
 * A number in [0, 1) fixed by a member id and a purpose: where a member starts in a fresh layout,
 * so that the same view opens with the same picture (FNV-1a, then MurmurHash3's finaliser to spread the bits).
 */
export function seededUnit(id: string, purpose: string): number {
  const text = `${purpose}:${id}`;
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 2 ** 32;
}

type Point = { x: number; y: number };

/** The radius of the disc a picture of `count` members starts in when nobody has a place yet. */
export const startRadius = (count: number): number => 10 * Math.sqrt(count + 1);

/** A member's own spot in a disc, spread evenly over its area. */
export function seededSpot(id: string, centre: Point, radius: number): Point {
  const angle = seededUnit(id, "angle") * 2 * Math.PI;
  const r = radius * Math.sqrt(seededUnit(id, "radius"));
  return { x: centre.x + r * Math.cos(angle), y: centre.y + r * Math.sin(angle) };
}
