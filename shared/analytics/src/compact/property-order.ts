// graphology keeps a member's adjacency in a plain object keyed by neighbour id, so its walks
// follow JavaScript's property order: ids that are array indices ("0", "17") first, ascending,
// then the other ids in insertion order, which is the graph's edge order. Reproducing that order
// lets compact forms sum in the order graphology-based code did, bit for bit.

export interface Adjacency {
  /** Member i's list is `members[offsets[i] .. offsets[i + 1])`, with the arc each entry came from. */
  readonly offsets: Int32Array;
  readonly members: Int32Array;
  readonly arcs: Int32Array;
}

const MAX_ARRAY_INDEX = 2 ** 32 - 2;

/** The id as an array index, or −1 when it is an ordinary property name. */
function arrayIndexOf(id: string): number {
  const value = Number(id);
  return Number.isInteger(value) && value >= 0 && value <= MAX_ARRAY_INDEX && String(value) === id ? value : -1;
}

/** For every member `owners[k]`, the members `others[k]` in graphology's order for that adjacency. */
export function adjacencyOrder(ids: readonly string[], owners: Int32Array, others: Int32Array): Adjacency {
  const n = ids.length;
  const offsets = new Int32Array(n + 1);
  for (let k = 0; k < owners.length; k++) offsets[owners[k]! + 1]!++;
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, n);
  const members = new Int32Array(owners.length);
  const arcs = new Int32Array(owners.length);
  for (let k = 0; k < owners.length; k++) {
    const at = fill[owners[k]!]!++;
    members[at] = others[k]!;
    arcs[at] = k;
  }
  const indices = ids.map(arrayIndexOf);
  if (indices.some((index) => index >= 0)) moveArrayIndicesFirst(offsets, members, arcs, indices);
  return { offsets, members, arcs };
}

function moveArrayIndicesFirst(offsets: Int32Array, members: Int32Array, arcs: Int32Array, indices: number[]): void {
  for (let i = 0; i + 1 < offsets.length; i++) {
    const start = offsets[i]!;
    const entries = [...members.subarray(start, offsets[i + 1])].map((member, k) => ({
      member,
      arc: arcs[start + k]!,
    }));
    // Stable: ordinary ids keep their insertion order behind the array indices.
    entries.sort((a, b) => {
      const x = indices[a.member]!;
      const y = indices[b.member]!;
      if (x < 0 || y < 0) return x < 0 ? (y < 0 ? 0 : 1) : -1;
      return x - y;
    });
    entries.forEach(({ member, arc }, k) => {
      members[start + k] = member;
      arcs[start + k] = arc;
    });
  }
}
