// Indicator results as CSV for spreadsheets and R/pandas. The query that produced the numbers
// travels with them (as `#` comment lines, or as columns on every row), so they can be reproduced.
import { writeCsv } from "./csv/rfc4180.js";

type Cell = string | number | null | undefined;
type QueryValue = string | number | boolean | null | undefined | readonly string[];

/** The resolved query the API echoes (`ResolvedQuery`): at, knownAt, from, halfLife, layers, attribute, seed… */
export type QueryLike = Readonly<Record<string, QueryValue>>;

/** One indicator as the API returns it (`IndicatorValue`). */
export interface IndicatorValueLike {
  readonly value: number | null;
  readonly version: number;
  readonly baseline?: number | null;
  readonly p?: number | null;
  readonly z?: number | null;
  readonly byGroup?: Readonly<Record<string, number | null>>;
  readonly byMember?: Readonly<Record<string, number | null>>;
}

/** `IndicatorsResponse`-like. */
export interface IndicatorsLike {
  readonly communityId: string;
  readonly query: QueryLike;
  readonly indicators: Readonly<Record<string, IndicatorValueLike>>;
}

/** `TimelineResponse`-like: one value per step of each series. */
export interface TimelineLike {
  readonly communityId: string;
  readonly query: QueryLike;
  readonly steps: readonly string[];
  readonly series: Readonly<
    Record<
      string,
      {
        readonly version: number;
        readonly values: readonly (number | null)[];
        readonly baselines?: readonly (number | null)[];
      }
    >
  >;
}

export interface IndicatorsCsvOptions {
  /** `comments` (default): `# name: value` lines before the header. `columns`: the query on every row. */
  readonly queryAs?: "comments" | "columns";
}

/**
 * One row per indicator: indicator, version, value, baseline, p, z (empty when undefined). With
 * `breakdown`, the long format instead: indicator, version, group (or member), value.
 */
export function indicatorsCsv(
  response: IndicatorsLike,
  options: IndicatorsCsvOptions & { readonly breakdown?: "byGroup" | "byMember" } = {},
): string {
  const { breakdown } = options;
  const rows: Cell[][] = [];
  for (const [id, result] of Object.entries(response.indicators)) {
    if (breakdown === undefined) {
      rows.push([id, result.version, result.value, result.baseline, result.p, result.z]);
    } else {
      for (const [key, value] of Object.entries(result[breakdown] ?? {})) rows.push([id, result.version, key, value]);
    }
  }
  const header =
    breakdown === undefined
      ? ["indicator", "version", "value", "baseline", "p", "z"]
      : ["indicator", "version", breakdown === "byGroup" ? "group" : "member", "value"];
  return withQuery("indicators", response, header, rows, options);
}

/** One row per (step, indicator): step, indicator, version, value, baseline. */
export function timelineCsv(timeline: TimelineLike, options: IndicatorsCsvOptions = {}): string {
  const rows: Cell[][] = [];
  timeline.steps.forEach((step, i) => {
    for (const [id, series] of Object.entries(timeline.series)) {
      rows.push([step, id, series.version, series.values[i], series.baselines?.[i]]);
    }
  });
  return withQuery(
    "indicator timeline",
    timeline,
    ["step", "indicator", "version", "value", "baseline"],
    rows,
    options,
  );
}

function withQuery(
  what: string,
  response: { readonly communityId: string; readonly query: QueryLike },
  header: string[],
  rows: Cell[][],
  { queryAs = "comments" }: IndicatorsCsvOptions,
): string {
  const query: [string, string][] = [
    ["communityId", response.communityId],
    ...Object.entries(response.query).map(([name, value]): [string, string] => [
      name,
      spreadsheetSafe(queryText(value)) as string,
    ]),
  ];
  const body = rows.map((row) => row.map((cell) => spreadsheetSafe(numberCell(cell))));
  if (queryAs === "columns") {
    return writeCsv([
      [...query.map(([name]) => name), ...header],
      ...body.map((row) => [...query.map(([, v]) => v), ...row]),
    ]);
  }
  const comments = [
    `# copgraph ${what}`,
    ...query.map(([name, value]) => `# ${name}: ${value.replace(/[\r\n]+/g, " ")}`),
  ];
  return `${comments.join("\r\n")}\r\n${writeCsv([header, ...body])}`;
}

function queryText(value: QueryValue): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join(",");
  return String(value);
}

/**
 * Text a spreadsheet would run as a formula (= + - @, or a leading tab or CR) gets a leading
 * apostrophe, so an attribute value such as "=HYPERLINK(…)" stays text. Numbers are left alone.
 */
function spreadsheetSafe(cell: Cell): Cell {
  return typeof cell === "string" && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** Numbers in full precision, JavaScript's shortest round-trip form; null, undefined and NaN empty. */
function numberCell(cell: Cell): Cell {
  if (typeof cell !== "number") return cell;
  if (Number.isNaN(cell)) return "";
  return Object.is(cell, -0) ? 0 : cell;
}
