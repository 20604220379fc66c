// @copgraph/interchange: copgraph's data in and out. Pure: strings and bytes in, events or
// strings out; the CLI and the API do the reading and writing.
export * from "./csv/index.js";
export * from "./datasets/index.js";
export { attributeRuns, type ValueRun } from "./gexf/profile-history.js";
export { tieOccurrences } from "./gexf/tie-occurrences.js";
export { type GexfOptions, toGexf } from "./gexf.js";
export { type GraphmlOptions, toGraphml } from "./graphml.js";
export {
  type IndicatorsCsvOptions,
  type IndicatorsLike,
  type IndicatorValueLike,
  indicatorsCsv,
  type QueryLike,
  type TimelineLike,
  timelineCsv,
} from "./indicators-csv.js";
export { type LoggedEvent, loggedEventFields, UUID_PATTERN } from "./logged-event.js";
export {
  type ImportedEvent,
  importNdjson,
  type NdjsonImportResult,
  type NdjsonParseResult,
  parseNdjson,
  toNdjson,
} from "./ndjson.js";
export { type LineEvent, NdjsonEventStream, type NdjsonStreamOptions } from "./ndjson-stream.js";
export { MIN_EXPORT_KEY_LENGTH, Pseudonyms, pseudonymise, REDACTED } from "./pseudonymise.js";
export { type DecodeResult, decodeUtf8, type LineError } from "./text.js";
export { TransactionTimes } from "./transaction-times.js";
export { escapeXml } from "./xml.js";
