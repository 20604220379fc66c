// McFarland's classroom s641: a valued, directed dyad list of social-interaction rates; no attributes.
import { readDyads } from "./dyads.js";
import { type DatasetNetwork, requireFile } from "./network.js";

export const mcfarlandFiles = { interactions: "social_interactions_s641.csv" } as const;

export function readMcFarland(files: Readonly<Record<string, string>>): DatasetNetwork {
  const { ids, ties } = readDyads(requireFile(files, mcfarlandFiles.interactions), mcfarlandFiles.interactions, true);
  return {
    members: ids.map((id) => ({ id, name: `Student ${id}`, attributes: {} })),
    relations: [{ name: "social", directed: true, ties }],
  };
}
