// Krackhardt (1987) high-tech managers: advice and friendship dyad lists plus attributes.
import type { OccupationalLayer } from "@copgraph/domain";
import { readCsv } from "../csv/rfc4180.js";
import { readDyads } from "./dyads.js";
import { type DatasetNetwork, requireFile } from "./network.js";

export const krackhardtFiles = {
  advice: "krackhardt_advice.csv",
  friendship: "krackhardt_friendship.csv",
  attributes: "krackhardt_attributes.csv",
} as const;

/** LEVEL 1 CEO, 2 vice president, 3 manager: three ranks kept in order on the domain's scale. */
const layerOfLevel: Readonly<Record<string, OccupationalLayer>> = {
  "1": "director",
  "2": "management",
  "3": "professional",
};

export function readKrackhardt(files: Readonly<Record<string, string>>): DatasetNetwork {
  const advice = readDyads(requireFile(files, krackhardtFiles.advice), krackhardtFiles.advice, false);
  const friendship = readDyads(requireFile(files, krackhardtFiles.friendship), krackhardtFiles.friendship, false);
  const [header, ...rows] = readCsv(requireFile(files, krackhardtFiles.attributes).replace(/^\uFEFF/, "")).records;
  if (!header) throw new Error(`${krackhardtFiles.attributes}: empty`);
  const names = header.fields.slice(1).map((name) => name.trim());
  const members = rows.map(({ fields }) => {
    const [id = "", ...values] = fields.map((field) => field.trim());
    const attributes = Object.fromEntries(names.map((name, i) => [name, values[i] ?? ""]).filter(([, v]) => v !== ""));
    const layer = layerOfLevel[attributes.LEVEL ?? ""];
    return { id, name: `Manager ${id}`, attributes, ...(layer && { occupationalLayer: layer }) };
  });
  return {
    members,
    relations: [
      { name: "advice", directed: true, ties: advice.ties },
      { name: "friendship", directed: true, ties: friendship.ties },
    ],
  };
}
