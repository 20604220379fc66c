// The classic data sets ship with copgraph, in shared/interchange/datasets/<folder>/ (its
// README.md cites each). The path is the same from src/ and from the built dist/.
import { type DatasetName, datasetInfo } from "./catalog.js";

const shippedDatasets = new URL("../../datasets/", import.meta.url);

/** The folder holding the files of a data set as shipped (a file: URL). */
export function shippedDatasetFolder(name: DatasetName): URL {
  return new URL(`${datasetInfo(name).folder}/`, shippedDatasets);
}
