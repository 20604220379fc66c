import type { Dated } from "../projection/sorted-facts.js";
import { float64Column, int32Column, uint8Column } from "./column.js";

/**
 * Records of one kind (interactions or gatherings) as columns, in the history's (occurredAt,
 * revision) order, each with the tie rows it adds (in the order the reference projection adds
 * them) and the members it names. Everything a query reads is a number in flat memory.
 */
export class RecordRows<R extends Dated & { readonly id: string }> {
  readonly records: R[] = [];
  readonly occurredAt = float64Column();
  readonly recordedAt = float64Column();
  /** Transaction time of the record's retraction; Infinity while none is known. */
  readonly retractedAt = float64Column();
  /** The weight each of the record's ties gets (an interaction's weight; 1 for a gathering). */
  readonly weight = float64Column();
  /** Rows of record r: [rowStart[r], rowStart[r + 1]). */
  readonly rowStart = int32Column();
  readonly source = int32Column();
  readonly target = int32Column();
  readonly layer = uint8Column();
  readonly dyad = int32Column();
  /** Members named by record r: [namedStart[r], namedStart[r + 1]). */
  readonly namedStart = int32Column();
  readonly named = int32Column();

  constructor() {
    this.rowStart.push(0);
    this.namedStart.push(0);
  }

  get size(): number {
    return this.records.length;
  }

  /** Makes room for `records` more records with about `rows` tie rows and names. */
  reserve(records: number, rows: number): void {
    for (const column of [this.occurredAt, this.recordedAt, this.retractedAt, this.weight]) column.reserve(records);
    this.rowStart.reserve(records);
    this.namedStart.reserve(records);
    for (const column of [this.source, this.target, this.layer, this.dyad]) column.reserve(rows);
    this.named.reserve(rows + records);
  }

  /** Adds a tie row to the record being built; `closeRecord` ends it. */
  addRow(source: number, target: number, layer: number, dyad: number): void {
    this.source.push(source);
    this.target.push(target);
    this.layer.push(layer);
    this.dyad.push(dyad);
  }

  /** Notes a member named by the record being built. */
  addNamed(member: number): void {
    this.named.push(member);
  }

  /** Ends the record whose rows and names were just added. */
  closeRecord(record: R, weight: number, retractedAt: number): void {
    this.records.push(record);
    this.occurredAt.push(record.occurredAt);
    this.recordedAt.push(record.recordedAt);
    this.retractedAt.push(retractedAt);
    this.weight.push(weight);
    this.rowStart.push(this.source.length);
    this.namedStart.push(this.named.length);
  }

  /** [first, end) of the records with from ≤ occurredAt ≤ to, by binary search. */
  range(from: number, to: number): [number, number] {
    return [this.#firstAtOrAfter(from, false), this.#firstAtOrAfter(to, true)];
  }

  #firstAtOrAfter(time: number, strictlyAfter: boolean): number {
    const times = this.occurredAt.data;
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const t = times[mid] as number;
      if (t < time || (strictlyAfter && t === time)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether record r counts as known at `knownAt`: recorded by then and not retracted by then. */
  counts(r: number, knownAt: number): boolean {
    return (this.recordedAt.data[r] as number) <= knownAt && (this.retractedAt.data[r] as number) > knownAt;
  }
}
