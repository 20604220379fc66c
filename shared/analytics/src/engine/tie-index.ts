import { isMutualKind, roleClass } from "@copgraph/domain";
import type { CommunityHistory } from "../projection/community-history.js";
import { type TieLayer, tieLayers } from "../projection/query.js";
import type { GatheringRecord, InteractionRecord } from "../projection/records.js";
import { int32Column } from "./column.js";
import { DyadTable } from "./dyad-table.js";
import { MemberCodes } from "./member-codes.js";
import { RecordRows } from "./record-rows.js";
import { TieScratch } from "./tie-scratch.js";

export const layerCode: ReadonlyMap<TieLayer, number> = new Map(tieLayers.map((layer, i) => [layer, i]));
const LED = layerCode.get("led") as number;
const CO_ATTENDANCE = layerCode.get("co-attendance") as number;

type AnyRows = RecordRows<InteractionRecord> | RecordRows<GatheringRecord>;

/**
 * A community history's records as flat columns of tie rows, so that the graph at any
 * (at, knownAt, window, decay, layers) is one pass over integers. Kept in step with its history
 * on demand: records appended in valid-time order are added in O(1) each; a back-dated record
 * (an import, a late recording) moves later ones, and the next `sync` rebuilds the columns once.
 */
export class TieIndex {
  readonly members = new MemberCodes();
  interactions = new RecordRows<InteractionRecord>();
  gatherings = new RecordRows<GatheringRecord>();
  /** Every directed member pair that has had a tie row; `dyadReverse[d]` is (target, source)'s dyad or −1. */
  readonly dyadReverse = int32Column();
  /** Working memory of the tie sums, reused query after query. */
  readonly scratch = new TieScratch();
  readonly #dyads = new DyadTable();
  #version = -1;
  /** The retractions the columns reflect, as a count and a sum of times: either moves when one is learned. */
  #retractionsSeen = { count: 0, sum: 0 };

  constructor(private readonly history: CommunityHistory) {}

  get dyadCount(): number {
    return this.dyadReverse.length;
  }

  /** Brings the columns up to the history's latest event. */
  sync(): void {
    if (this.#version === this.history.version) return;
    const interactions = this.history.interactions.all();
    const gatherings = this.history.gatherings.all();
    if (!continues(this.interactions, interactions) || !continues(this.gatherings, gatherings)) {
      this.interactions = new RecordRows();
      this.gatherings = new RecordRows();
    }
    // Most interactions name one receiver: one row each, a few more for mutual kinds.
    const newInteractions = interactions.length - this.interactions.size;
    this.interactions.reserve(newInteractions, Math.ceil(newInteractions * 1.25));
    for (let i = this.interactions.size; i < interactions.length; i++) this.#addInteraction(interactions[i]!);
    for (let i = this.gatherings.size; i < gatherings.length; i++) this.#addGathering(gatherings[i]!);
    this.#syncRetractions();
    this.#version = this.history.version;
  }

  /**
   * Retractions are few: when one is learned (or an earlier time for one), every record's
   * retraction time is looked up again; records added later look theirs up as they come.
   */
  #syncRetractions(): void {
    let sum = 0;
    for (const retractedAt of this.history.retractions.values()) sum += retractedAt;
    const seen = { count: this.history.retractions.size, sum };
    if (seen.count === this.#retractionsSeen.count && seen.sum === this.#retractionsSeen.sum) return;
    for (const rows of [this.interactions, this.gatherings] as AnyRows[]) {
      rows.records.forEach((record, index) => {
        rows.retractedAt.set(index, this.history.retractedAt(record.id) ?? Number.POSITIVE_INFINITY);
      });
    }
    this.#retractionsSeen = seen;
  }

  #dyad(source: number, target: number): number {
    let dyad = this.#dyads.find(source, target);
    if (dyad < 0) {
      dyad = this.#dyads.add(source, target);
      const reverse = this.#dyads.find(target, source);
      this.dyadReverse.push(reverse);
      if (reverse >= 0) this.dyadReverse.set(reverse, dyad);
    }
    return dyad;
  }

  #row(rows: AnyRows, source: number, target: number, layer: number): void {
    // A self-pair is no tie; the reference projection skips it too.
    if (source !== target) rows.addRow(source, target, layer, this.#dyad(source, target));
  }

  /** `from` gives to each `to` (in order); a mutual kind runs both ways, as the reference adds them. */
  #addInteraction(record: InteractionRecord): void {
    const rows = this.interactions;
    const layer = layerCode.get(record.kind) as number;
    const mutual = isMutualKind(record.kind);
    const from = this.members.code(record.from);
    rows.addNamed(from);
    for (const toId of record.to) {
      const to = this.members.code(toId);
      rows.addNamed(to);
      this.#row(rows, from, to, layer);
      if (mutual) this.#row(rows, to, from, layer);
    }
    this.#close(rows, record, record.weight);
  }

  /** Participants once each (the first mention counts); led pairs, then every co-attending pair. */
  #addGathering(record: GatheringRecord): void {
    const rows = this.gatherings;
    const seen = new Set<string>();
    const participants: { code: number; role: ReturnType<typeof roleClass> }[] = [];
    for (const { memberId, role } of record.participants) {
      const code = this.members.code(memberId);
      rows.addNamed(code);
      if (seen.has(memberId)) continue;
      seen.add(memberId);
      participants.push({ code, role: roleClass(role) });
    }
    for (const giver of participants) {
      if (giver.role !== "giver") continue;
      for (const receiver of participants)
        if (receiver.role === "receiver") this.#row(rows, giver.code, receiver.code, LED);
    }
    for (const a of participants) for (const b of participants) this.#row(rows, a.code, b.code, CO_ATTENDANCE);
    this.#close(rows, record, 1);
  }

  #close(rows: AnyRows, record: InteractionRecord | GatheringRecord, weight: number): void {
    const retractedAt =
      this.history.retractions.size === 0
        ? Number.POSITIVE_INFINITY
        : (this.history.retractedAt(record.id) ?? Number.POSITIVE_INFINITY);
    (rows as RecordRows<InteractionRecord | GatheringRecord>).closeRecord(record, weight, retractedAt);
  }
}

/** Whether `facts` still starts with the records already in `rows` (nothing was inserted before them). */
function continues(rows: AnyRows, facts: readonly unknown[]): boolean {
  const size = rows.size;
  return size <= facts.length && (size === 0 || facts[size - 1] === rows.records[size - 1]);
}

const indexes = new WeakMap<CommunityHistory, TieIndex>();

/** The tie index of a history, in step with it. */
export function tieIndexOf(history: CommunityHistory): TieIndex {
  let index = indexes.get(history);
  if (!index) {
    index = new TieIndex(history);
    indexes.set(history, index);
  }
  index.sync();
  return index;
}
