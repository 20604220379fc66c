export {
  type DatasetInfo,
  type DatasetName,
  type DatasetRelationInfo,
  datasetCatalog,
  datasetInfo,
  datasetNames,
} from "./catalog.js";
export { attributeKey, type NetworkEventOptions } from "./events.js";
export { importDataset, readDataset } from "./import.js";
export type { DatasetMember, DatasetNetwork, DatasetRelation, DatasetTie } from "./network.js";
export { shippedDatasetFolder } from "./shipped.js";
