// importDataset: a classic data set's files → the events of a community holding it.
import type { CommunityEvent } from "@copgraph/domain";
import { type DatasetName, datasetInfo } from "./catalog.js";
import { type NetworkEventOptions, networkEvents } from "./events.js";
import { readFlorentine } from "./florentine.js";
import { readKarate } from "./karate.js";
import { readKrackhardt } from "./krackhardt.js";
import { readLazega } from "./lazega.js";
import { readMcFarland } from "./mcfarland.js";
import type { DatasetNetwork } from "./network.js";

const readers: Readonly<Record<DatasetName, (files: Readonly<Record<string, string>>) => DatasetNetwork>> = {
  krackhardt: readKrackhardt,
  lazega: readLazega,
  karate: readKarate,
  florentine: readFlorentine,
  mcfarland: readMcFarland,
};

/** Reads the network of a data set from its files (by file name, see `datasetCatalog`). Throws on bad files. */
export function readDataset(name: DatasetName, files: Readonly<Record<string, string>>): DatasetNetwork {
  datasetInfo(name);
  return readers[name](files);
}

/**
 * The events of a community holding the data set: CommunityRegistered (unless `register: false`),
 * one MemberJoined per member and one InteractionRecorded per tie, all at `occurredAt`.
 * Every event has passed the domain's parseEvent. Throws on an unknown name or bad files.
 */
export function importDataset(
  name: DatasetName,
  files: Readonly<Record<string, string>>,
  options: NetworkEventOptions,
): CommunityEvent[] {
  const info = datasetInfo(name);
  return networkEvents(info, readers[name](files), options);
}
