/**
 * A community's revisions over transaction time: the latest revision copgraph knew at a date, so
 * a query "as known at" echoes the revision it saw. One step per distinct recordedAt (a write's
 * events share one), searched in O(log n).
 */
export class RevisionsByTime {
  readonly #times: number[] = [];
  readonly #revisions: number[] = [];

  /** An event recorded at `recordedAt` (epoch ms); one recorded before the last (clock skew) counts from the last. */
  add(recordedAt: number, revision: number): void {
    const last = this.#times.length - 1;
    if (last >= 0 && recordedAt <= (this.#times[last] as number)) {
      this.#revisions[last] = Math.max(this.#revisions[last] as number, revision);
      return;
    }
    this.#times.push(recordedAt);
    this.#revisions.push(revision);
  }

  /** Each step: a transaction time (ascending) and the latest revision recorded by then. */
  steps(): { readonly times: readonly number[]; readonly revisions: readonly number[] } {
    return { times: this.#times, revisions: this.#revisions };
  }

  /** The latest revision recorded at or before `knownAt`; -1 when none was. */
  knownAt(knownAt: number): number {
    let low = 0;
    let high = this.#times.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.#times[middle] as number) <= knownAt) low = middle + 1;
      else high = middle;
    }
    return low === 0 ? -1 : (this.#revisions[low - 1] as number);
  }
}
