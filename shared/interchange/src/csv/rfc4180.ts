// RFC 4180 reading and writing. Reading is lenient where spreadsheets are sloppy (a stray quote
// inside an unquoted cell, lone CR line ends) and strict only where data would be lost.

/** One record with the file line it starts on (1-based; a quoted cell may span several lines). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

export interface CsvReadResult {
  readonly records: CsvRecord[];
  /** Only an unterminated quoted cell: everything after it would be swallowed. */
  readonly errors: { line: number; message: string }[];
}

export type CsvDelimiter = "," | ";" | "\t";

/**
 * Splits `text` (already decoded, BOM removed) into records. Quoted cells may hold delimiters,
 * quotes (doubled) and line breaks; CRLF, LF and CR all end a record. Blank lines are dropped.
 */
export function readCsv(text: string, delimiter: CsvDelimiter = ","): CsvReadResult {
  const records: CsvRecord[] = [];
  const errors: { line: number; message: string }[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  let quotedRecord = false;
  const endField = () => {
    fields.push(field);
    field = "";
    quoted = false;
  };
  const endRecord = () => {
    endField();
    // A blank line (one empty unquoted cell) is no record.
    if (!(fields.length === 1 && fields[0] === "" && !quotedRecord)) records.push({ line: recordLine, fields });
    fields = [];
    quotedRecord = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === "" && !quoted) {
      inQuotes = true;
      quoted = true;
      quotedRecord = true;
      quoteLine = line;
    } else if (c === delimiter) {
      endField();
    } else if (c === "\r" || c === "\n") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
    }
  }
  if (inQuotes) errors.push({ line: quoteLine, message: "a quoted cell is never closed (a missing '\"')" });
  if (field !== "" || fields.length > 0 || quoted) endRecord();
  return { records, errors };
}

/**
 * The delimiter of a file from its header line: comma unless the header has none and uses
 * semicolons (spreadsheets in comma-decimal locales) or tabs.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const end = text.search(/[\r\n]/);
  const header = end < 0 ? text : text.slice(0, end);
  if (header.includes(",")) return ",";
  if (header.includes(";")) return ";";
  if (header.includes("\t")) return "\t";
  return ",";
}

/** A cell as RFC 4180 writes it: quoted when it holds a delimiter, quote, line break or edge space. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",;\t\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Records joined with CRLF (RFC 4180), ending with a line break. */
export function writeCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(",")}\r\n`).join("");
}
