import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, detectDelimiter, readCsv, writeCsv } from "./rfc4180.js";

describe("readCsv", () => {
  it("reads quoted cells with delimiters, doubled quotes and line breaks, and numbers records by their first line", () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\nlast,1,2\r\n';
    const { records, errors } = readCsv(text);
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["x, y", 'say "hi"', "two\r\nlines"] },
      { line: 4, fields: ["last", "1", "2"] },
    ]);
  });

  it("takes LF, CRLF and lone CR line ends, drops blank lines, and keeps a last line without a line end", () => {
    const { records } = readCsv("a,b\n\n1,2\r3,4\r\n\r\n5,6");
    expect(records.map((record) => [record.line, ...record.fields])).toEqual([
      [1, "a", "b"],
      [3, "1", "2"],
      [4, "3", "4"],
      [6, "5", "6"],
    ]);
  });

  it("keeps empty cells and a quoted empty record", () => {
    expect(readCsv(',,\n""\n').records).toEqual([
      { line: 1, fields: ["", "", ""] },
      { line: 2, fields: [""] },
    ]);
  });

  it("reports a quoted cell that is never closed at the line it opens", () => {
    expect(readCsv('a,b\n1,"open\n2,3\n').errors).toEqual([
      { line: 2, message: expect.stringContaining("never closed") },
    ]);
  });

  it("is lenient with a quote inside an unquoted cell", () => {
    expect(readCsv('5" screen,x').records[0]?.fields).toEqual(['5" screen', "x"]);
  });

  it("detects semicolon and tab delimited files from the header", () => {
    expect(detectDelimiter("a,b;c\n")).toBe(",");
    expect(detectDelimiter("a;b\n1,5;2")).toBe(";");
    expect(detectDelimiter("a\tb")).toBe("\t");
    expect(readCsv('a;b\n"x;y";2', ";").records[1]?.fields).toEqual(["x;y", "2"]);
  });

  it("reads back what writeCsv writes", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "Z", " ", ",", ";", '"', "\r", "\n", "é", "\t", "1") });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { maxLength: 8 }), (rows) => {
        const { records, errors } = readCsv(writeCsv(rows));
        expect(errors).toEqual([]);
        expect(records.map((record) => record.fields)).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });
});

describe("csvCell", () => {
  it("quotes only when needed and writes null as empty", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "x"')).toBe('"say ""x"""');
    expect(csvCell(" edge")).toBe('" edge"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(0.5)).toBe("0.5");
  });
});
