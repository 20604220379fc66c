// A data set read from its files, before it becomes events: members with attributes and, per
// relation, its ties. Each reader produces one; `networkEvents` turns any of them into events.
import type { OccupationalLayer } from "@copgraph/domain";

export interface DatasetMember {
  /** The data set's own vertex id (a number as text, or a family name). */
  readonly id: string;
  readonly name: string;
  /** Set when an attribute of the data set encodes rank; otherwise `other`. */
  readonly occupationalLayer?: OccupationalLayer;
  readonly attributes: Readonly<Record<string, string>>;
}

export interface DatasetTie {
  readonly from: string;
  readonly to: string;
  /** Only for valued data (karate, McFarland); absent means an unvalued tie. */
  readonly weight?: number;
}

export interface DatasetRelation {
  readonly name: string;
  /** Undirected relations list each edge once. */
  readonly directed: boolean;
  readonly ties: readonly DatasetTie[];
}

export interface DatasetNetwork {
  readonly members: readonly DatasetMember[];
  readonly relations: readonly DatasetRelation[];
}

/** A file of the data set, or an error naming it: the caller passes files by their names. */
export function requireFile(files: Readonly<Record<string, string>>, name: string): string {
  const text = files[name];
  if (text === undefined) throw new Error(`missing file '${name}' (got: ${Object.keys(files).join(", ") || "none"})`);
  return text;
}

/** Lines of a text file whatever its line ends, without blank lines and `%` comments. */
export function dataLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("%"));
}
