/** A member's place, in any coordinates (the core is the same at every zoom). */
export interface Placed {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

/** How far past the typical distance from the centre a member may sit and still shape the outline. */
const REACH = 2.5;
/** Fewer members than this are all kept: there is no "typical" distance to speak of. */
const MIN_MEMBERS = 5;

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/**
 * The members an outline wraps: all but those placed far from the group (farther from its median
 * centre than REACH times the median member's distance). One member the layout put across the
 * picture would otherwise stretch the outline over everyone in between. Pure.
 */
export function hullCore(members: readonly Placed[]): string[] {
  if (members.length < MIN_MEMBERS) return members.map((member) => member.id);
  const cx = median(members.map((member) => member.x));
  const cy = median(members.map((member) => member.y));
  const distance = (member: Placed) => Math.hypot(member.x - cx, member.y - cy);
  const typical = median(members.map(distance));
  if (typical === 0) return members.map((member) => member.id);
  return members.filter((member) => distance(member) <= REACH * typical).map((member) => member.id);
}
