// Loaders for the published data sets shipped in shared/interchange/datasets (the copy
// `copgraph import --dataset` reads). Each builds a CommunitySnapshot directly
// (a graphology DirectedGraph; undirected data get both arcs), read at test time, unchanged.
// The same graphs are built independently in oracles/networkx_oracles.py.
//
// - Krackhardt (1987) high-tech managers: advice or friendship arcs (tie ≠ 0, self-pairs skipped);
//   members "1".."21" with LEVEL ("1" CEO, "2" VP, "3" manager) and DEPT ("0".."4") as strings.
// - Zachary (1977) karate club: 78 undirected weighted ties (weight kept on the arcs); members
//   "1".."34" with `club` as networkx's karate_club_graph has it: README.KARATE's two factions,
//   except member 9, whom networkx puts with Mr. Hi (17 "Mr. Hi", 17 "Officer").
// - Padgett (1994) Florentine families: the 20 marriage ties only; all 16 families, so Pucci is
//   an isolate; `priorates` = "yes" if NumberPriorates > 0 else "no".
import { readFileSync } from "node:fs";
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import { snapshotOf, type TestMember } from "./snapshot.js";

/** The shipped data sets' folder; a file URL (analytics does not depend on interchange, so a path). */
export const datasetsFolder = new URL("../../../../interchange/datasets/", import.meta.url);

function read(path: string): string {
  return readFileSync(new URL(path, datasetsFolder), "utf8");
}

function csvRows(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => line.split(",").map((cell) => cell.trim().replace(/^"|"$/g, "")));
}

export function krackhardt(relation: "advice" | "friendship"): CommunitySnapshot {
  const [header, ...rows] = csvRows(read("krackhardt_hightech/krackhardt_attributes.csv"));
  const column = (name: string) => header!.indexOf(name);
  const members: Record<string, TestMember> = {};
  for (const row of rows) members[row[column("ids")]!] = { LEVEL: row[column("LEVEL")]!, DEPT: row[column("DEPT")]! };
  const arcs: [string, string][] = [];
  for (const [ego, alter, tie] of csvRows(read(`krackhardt_hightech/krackhardt_${relation}.csv`)).slice(1)) {
    if (Number(tie) !== 0 && ego !== alter) arcs.push([ego!, alter!]);
  }
  return snapshotOf({ members, arcs });
}

/** Member 9 sits with the officer in README.KARATE; networkx's `club` (used here) puts it with Mr. Hi. */
export const KARATE_MEMBER_MOVED_TO_MR_HI = "9";

export function karate(): CommunitySnapshot {
  const readme = read("zachary_karate/README.KARATE");
  const factions = [...readme.matchAll(/\{([\d,\s]+)\}/g)].map((match) => match[1]!.split(",").map((s) => s.trim()));
  if (factions.length !== 2) throw new Error("README.KARATE: expected two factions");
  const [hi, officer] = factions as [string[], string[]];
  const members: Record<string, TestMember> = {};
  for (const id of hi) members[id] = { club: "Mr. Hi" };
  for (const id of officer) members[id] = { club: "Officer" };
  members[KARATE_MEMBER_MOVED_TO_MR_HI] = { club: "Mr. Hi" };
  const arcs: [string, string, number][] = [];
  for (const line of read("zachary_karate/zachary.txt").split(/\r?\n/)) {
    const [a, b, w] = line.trim().split(/\s+/);
    if (!a || !b) continue;
    arcs.push([a, b, Number(w ?? 1)], [b, a, Number(w ?? 1)]);
  }
  return snapshotOf({ members, arcs });
}

interface Florentine {
  nodes: { Family: string; NumberPriorates: string }[];
  links: { type: string; source: number; target: number }[];
}

export function florentineMarriage(): CommunitySnapshot {
  const data = JSON.parse(read("padgett_florentine/florentine-family.json")) as Florentine;
  const members: Record<string, TestMember> = {};
  for (const node of data.nodes) members[node.Family] = { priorates: Number(node.NumberPriorates) > 0 ? "yes" : "no" };
  const name = (index: number) => data.nodes[index]!.Family;
  const edges = data.links
    .filter((link) => link.type === "marriage")
    .map((link) => [name(link.source), name(link.target)] as const);
  return snapshotOf({ members, edges });
}
