// Templates to start a file from: the header and an example, as CSV.
import { type CsvKind, csvColumns, gatheringLevelColumns } from "./columns.js";
import { writeCsv } from "./rfc4180.js";

const exampleAttribute = { name: "region", example: "north" };

/**
 * Header line plus one example row. Members get one custom attribute column (`region`).
 * Gatherings get two rows, because one gathering needs two participants: the second row
 * leaves the gathering's own cells empty, as they may be given once.
 */
export function csvTemplate(kind: CsvKind): string {
  const columns = [...csvColumns[kind]];
  const header = columns.map((column) => column.name);
  const example = columns.map((column) => column.example);
  if (kind === "members") {
    header.push(exampleAttribute.name);
    example.push(exampleAttribute.example);
  }
  const rows = [header, example];
  if (kind === "gatherings") {
    const level: readonly string[] = gatheringLevelColumns;
    rows.push(
      columns.map((column) => {
        if (column.name === "memberId") return "m002";
        if (column.name === "role") return "participant";
        return level.includes(column.name) ? "" : column.example;
      }),
    );
  }
  return writeCsv(rows);
}
