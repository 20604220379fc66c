// Zachary (1977) karate club: a weighted undirected edge list, and README.KARATE's two factions.
import { type DatasetNetwork, dataLines, requireFile } from "./network.js";

export const karateFiles = { edges: "zachary.txt", readme: "README.KARATE" } as const;

/**
 * Factions as README.KARATE lists them: the set holding member 1 (the instructor) is "Mr. Hi",
 * the set holding member 34 (the administrator) "Officer". README.KARATE puts member 9 with the
 * officers (16/18); networkx's `club` puts 9 with Mr. Hi (17/17). This follows README.KARATE.
 */
export function readKarateFactions(readme: string): Map<string, string> {
  const sets = [...readme.matchAll(/\{([\d,\s]+)\}/g)].map((match) => match[1]!.split(",").map((id) => id.trim()));
  const faction = new Map<string, string>();
  for (const ids of sets) {
    const name = ids.includes("1") ? "Mr. Hi" : ids.includes("34") ? "Officer" : undefined;
    if (name) for (const id of ids) faction.set(id, name);
  }
  if (faction.size === 0) throw new Error(`${karateFiles.readme}: no faction lists {…} found`);
  return faction;
}

export function readKarate(files: Readonly<Record<string, string>>): DatasetNetwork {
  const faction = readKarateFactions(requireFile(files, karateFiles.readme));
  const ties = dataLines(requireFile(files, karateFiles.edges)).map((line, i) => {
    const [from, to, weight] = line.split(/\s+/);
    const value = Number(weight ?? 1);
    if (!from || !to || !(value > 0)) throw new Error(`${karateFiles.edges}: line ${i + 1} is not 'i j w'`);
    return { from, to, weight: value };
  });
  const ids = new Set<string>([...faction.keys(), ...ties.flatMap((tie) => [tie.from, tie.to])]);
  const members = [...ids]
    .sort((a, b) => Number(a) - Number(b))
    .map((id) => {
      const side = faction.get(id);
      const attributes: Record<string, string> = side ? { faction: side } : {};
      return { id, name: `Member ${id}`, attributes };
    });
  return { members, relations: [{ name: "interaction", directed: false, ties }] };
}
