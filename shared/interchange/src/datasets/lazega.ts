// Lazega (2001) law firm: a Pajek project with three directed relations, five partitions
// (with codebooks, so values read "partner", "Boston"…) and two vectors (age, seniority).
import type { OccupationalLayer } from "@copgraph/domain";
import type { DatasetNetwork, DatasetRelation } from "./network.js";
import { requireFile } from "./network.js";
import { readPajek } from "./pajek.js";

export const lazegaFiles = { project: "Lazega-Law-Firm.paj" } as const;

/** Partners own the firm, associates are employed by it: two ranks, kept in order. */
const layerOfStatus: Readonly<Record<string, OccupationalLayer>> = { partner: "director", associate: "professional" };

export function readLazega(files: Readonly<Record<string, string>>): DatasetNetwork {
  const project = readPajek(requireFile(files, lazegaFiles.project), lazegaFiles.project);
  const attributes = project.vertices.map(() => ({}) as Record<string, string>);
  for (const [name, { values, codebook }] of project.partitions) {
    // Codes become labels only when the codebook covers every value, so nothing is half-translated.
    const labelled = values.every((value) => codebook.has(value));
    values.forEach((value, i) => {
      if (attributes[i]) attributes[i][name] = labelled ? codebook.get(value)! : value;
    });
  }
  for (const [name, values] of project.vectors) {
    values.forEach((value, i) => {
      if (attributes[i]) attributes[i][name] = value;
    });
  }
  const members = project.vertices.map(({ id, label }, i) => {
    const own = attributes[i]!;
    const layer = layerOfStatus[own.status ?? ""];
    return { id, name: label, attributes: own, ...(layer && { occupationalLayer: layer }) };
  });
  const relations: DatasetRelation[] = [...project.relations.values()].map(({ name, directed, lines }) => ({
    name,
    directed,
    ties: lines.filter((line) => line.from !== line.to).map(({ from, to }) => ({ from, to })),
  }));
  return { members, relations };
}
