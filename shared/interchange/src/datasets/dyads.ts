// Reader for the `ego,alter,tie` dyad lists (Krackhardt, McFarland): full lists with self-pairs
// and zeros, of which only the non-zero, non-self rows are ties.
import { readCsv } from "../csv/rfc4180.js";
import type { DatasetTie } from "./network.js";

export interface DyadList {
  /** Every id named, in order of first appearance (so members without ties are kept too). */
  readonly ids: string[];
  readonly ties: DatasetTie[];
}

export function readDyads(text: string, file: string, valued: boolean): DyadList {
  const [header, ...rows] = readCsv(text.replace(/^\uFEFF/, "")).records;
  if (!header || header.fields.length < 3) throw new Error(`${file}: expected a header ego,alter,tie`);
  const ids: string[] = [];
  const seen = new Set<string>();
  const note = (id: string) => {
    if (!seen.has(id)) {
      seen.add(id);
      ids.push(id);
    }
  };
  const ties: DatasetTie[] = [];
  for (const { line, fields } of rows) {
    const [ego, alter, value] = fields.map((field) => field.trim());
    const tie = Number(value);
    if (!ego || !alter || value === undefined || value === "" || Number.isNaN(tie)) {
      throw new Error(`${file}:${line}: expected ego,alter,tie`);
    }
    note(ego);
    note(alter);
    if (tie === 0 || ego === alter) continue;
    ties.push(valued ? { from: ego, to: alter, weight: tie } : { from: ego, to: alter });
  }
  return { ids, ties };
}
