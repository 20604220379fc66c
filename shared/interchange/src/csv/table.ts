// A CSV file as a table of named cells: the header is matched against the kind's columns once,
// so row code asks for cells by column name and never by position.
import { ATTRIBUTE_KEY_PATTERN, reservedAttributeKeys } from "@copgraph/domain";
import type { LineError } from "../text.js";
import { type CsvColumn, type CsvKind, csvColumns } from "./columns.js";
import { detectDelimiter, readCsv } from "./rfc4180.js";

export interface TableRow {
  readonly line: number;
  /** The trimmed cell of a column, or undefined when the column is absent or the cell empty. */
  cell(column: string): string | undefined;
}

export interface Table {
  /** Columns beyond the kind's fixed ones (members only: custom attributes), in file order. */
  readonly extraColumns: readonly string[];
  /** Rows that could be read; rows with too many cells are left out and reported in `errors`. */
  readonly rows: readonly TableRow[];
  readonly errors: readonly LineError[];
}

export type TableResult = { ok: true; table: Table } | { ok: false; errors: LineError[] };

const reserved: ReadonlySet<string> = new Set(reservedAttributeKeys);

/** Reads the header and rows; header problems (missing, unknown or repeated columns) end the reading. */
export function readTable(kind: CsvKind, text: string): TableResult {
  return readTableOf(kind, csvColumns[kind], text);
}

/** As readTable, for a file kind whose columns are defined elsewhere (survey answers). */
export function readTableOf(kind: string, columns: readonly CsvColumn[], text: string): TableResult {
  const { records, errors } = readCsv(text, detectDelimiter(text));
  if (errors.length > 0) return { ok: false, errors };
  const [header, ...body] = records;
  if (!header) return { ok: false, errors: [{ line: 1, message: "the file is empty: it needs a header line" }] };
  const indexOf = new Map<string, number>();
  const extraColumns: string[] = [];
  const unnamed: number[] = [];
  const headerErrors: LineError[] = [];
  header.fields.forEach((raw, index) => {
    const name = canonicalName(columns, raw.trim());
    if (name === "") {
      // An empty header cell over empty cells is spreadsheet residue; over data it is an error (see rows).
      unnamed.push(index);
      return;
    }
    if (indexOf.has(name)) {
      headerErrors.push({ line: header.line, column: name, message: `column '${name}' appears twice` });
      return;
    }
    indexOf.set(name, index);
    if (columns.some((column) => column.name === name)) return;
    const problem = kind === "members" ? customColumnProblem(name) : unknownColumn(kind, columns);
    if (problem) headerErrors.push({ line: header.line, column: name, message: problem });
    else extraColumns.push(name);
  });
  for (const column of columns) {
    if (column.required && !indexOf.has(column.name)) {
      headerErrors.push({
        line: header.line,
        column: column.name,
        message: `required column '${column.name}' is missing`,
      });
    }
  }
  if (headerErrors.length > 0) return { ok: false, errors: headerErrors };
  const width = header.fields.length;
  const rows: TableRow[] = [];
  const rowErrors: LineError[] = [];
  for (const record of body) {
    const cells = record.fields.map((field) => field.trim());
    // Spreadsheets export rows of empty cells below the data.
    if (cells.every((cell) => cell === "")) continue;
    if (cells.slice(width).some((cell) => cell !== "")) {
      rowErrors.push({
        line: record.line,
        message: `the row has ${cells.length} cells but the header has ${width} columns`,
      });
      continue;
    }
    if (unnamed.some((index) => (cells[index] ?? "") !== "")) {
      rowErrors.push({ line: record.line, message: "the row has a value in a column whose header is empty" });
      continue;
    }
    rows.push({
      line: record.line,
      cell(column) {
        const index = indexOf.get(column);
        const value = index === undefined ? undefined : cells[index];
        return value === undefined || value === "" ? undefined : value;
      },
    });
  }
  if (rows.length === 0 && rowErrors.length === 0) {
    return { ok: false, errors: [{ line: header.line, message: "the file has no data rows" }] };
  }
  return { ok: true, table: { extraColumns, rows, errors: rowErrors } };
}

/** Fixed columns match whatever their case, so `MemberId` is not taken for a custom attribute. */
function canonicalName(columns: readonly CsvColumn[], name: string): string {
  return columns.find((column) => column.name.toLowerCase() === name.toLowerCase())?.name ?? name;
}

function customColumnProblem(name: string): string | undefined {
  if (!ATTRIBUTE_KEY_PATTERN.test(name)) {
    return `column '${name}' cannot be a custom attribute: names are 1-64 characters, a letter then letters, digits, _ or .`;
  }
  if (reserved.has(name)) return `column '${name}' is a reserved name and cannot be a custom attribute`;
  return undefined;
}

function unknownColumn(kind: string, columns: readonly CsvColumn[]): string {
  return `unknown column; ${kind} files have: ${columns.map((column) => column.name).join(", ")}`;
}
