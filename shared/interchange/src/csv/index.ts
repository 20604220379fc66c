export { type CsvColumn, type CsvKind, csvColumns, csvKinds, gatheringLevelColumns } from "./columns.js";
export { type CsvImportOptions, type CsvImportResult, parseCsvImport } from "./import.js";
export { type Refusal, refusedRows } from "./refused-rows.js";
export {
  type CsvDelimiter,
  type CsvReadResult,
  type CsvRecord,
  csvCell,
  detectDelimiter,
  readCsv,
  writeCsv,
} from "./rfc4180.js";
export {
  type ImportedSurveyAnswer,
  parseSurveyAnswersCsv,
  type SurveyAnswersImportOptions,
  type SurveyAnswersImportResult,
  surveyAnswerColumns,
} from "./survey-answers.js";
export { csvTemplate } from "./template.js";
