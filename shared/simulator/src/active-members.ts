// The members active at the sweep's current time, grouped by current sector, with O(1) add,
// remove, sector change and uniform draws: a dense array per group plus each member's position
// (swap-remove). This keeps a million-event simulation linear in its events.
import type { Random } from "./random.js";

class Bag {
  readonly items: number[] = [];
  readonly #position: Int32Array;

  constructor(capacity: number) {
    this.#position = new Int32Array(capacity).fill(-1);
  }

  get size(): number {
    return this.items.length;
  }

  has(member: number): boolean {
    return this.#position[member]! >= 0;
  }

  add(member: number): void {
    if (this.has(member)) return;
    this.#position[member] = this.items.length;
    this.items.push(member);
  }

  remove(member: number): void {
    const at = this.#position[member]!;
    if (at < 0) return;
    const last = this.items.pop()!;
    if (last !== member) {
      this.items[at] = last;
      this.#position[last] = at;
    }
    this.#position[member] = -1;
  }

  /** Uniform over the bag without `exclude` (−1: none); null when nothing is left. */
  pick(random: Random, exclude: number): number | null {
    const excluded = exclude >= 0 ? this.#position[exclude]! : -1;
    const n = this.items.length - (excluded >= 0 ? 1 : 0);
    if (n <= 0) return null;
    let k = random.int(n);
    if (excluded >= 0 && k >= excluded) k++;
    return this.items[k]!;
  }
}

export class ActiveMembers {
  readonly #all: Bag;
  readonly #groups: Bag[];
  readonly #group: Int32Array;

  /** `capacity`: members are numbered 0..capacity−1; `groups`: number of sector groups. */
  constructor(capacity: number, groups: number) {
    this.#all = new Bag(capacity);
    this.#groups = Array.from({ length: groups }, () => new Bag(capacity));
    this.#group = new Int32Array(capacity).fill(-1);
  }

  get size(): number {
    return this.#all.size;
  }

  has(member: number): boolean {
    return this.#all.has(member);
  }

  /** Current group of an active member (−1 otherwise). */
  groupOf(member: number): number {
    return this.#all.has(member) ? this.#group[member]! : -1;
  }

  groupSize(group: number): number {
    return this.#groups[group]!.size;
  }

  add(member: number, group: number): void {
    this.#all.add(member);
    this.#group[member] = group;
    this.#groups[group]!.add(member);
  }

  remove(member: number): void {
    if (!this.#all.has(member)) return;
    this.#all.remove(member);
    this.#groups[this.#group[member]!]!.remove(member);
  }

  /** Moves an active member to another group (a sector change); remembers it for a later join otherwise. */
  setGroup(member: number, group: number): void {
    if (this.#all.has(member)) this.#groups[this.#group[member]!]!.remove(member);
    this.#group[member] = group;
    if (this.#all.has(member)) this.#groups[group]!.add(member);
  }

  /** Uniform over active members other than `exclude` (pass −1 for none). */
  pickAny(random: Random, exclude = -1): number | null {
    return this.#all.pick(random, exclude);
  }

  /** Uniform over the active members of `group` other than `exclude`. */
  pickInGroup(random: Random, group: number, exclude = -1): number | null {
    return this.#groups[group]!.pick(random, exclude);
  }
}
