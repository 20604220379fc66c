// The indicator entries of docs/indicators.md, written from the descriptions: the page cannot
// drift from the code (a test compares them; `node scripts/indicator-docs.mjs` rewrites the page).
import type { IndicatorDescription } from "./description.js";
import type { IndicatorFamily } from "./indicator.js";
import { indicatorFamilies } from "./registry.js";

export const REFERENCE_START =
  "<!-- Generated from the indicators' descriptions in shared/analytics: edit those, then run `node scripts/indicator-docs.mjs`. -->";
export const REFERENCE_END = "<!-- End of the generated part. -->";

const WIDTH = 100;

/** Words that would start a list, quote, heading or table when they open a line: kept on the line before. */
const opensBlock = /^(?:[-+*>#=|]|\d+[.)]$)/;
const backticks = (word: string) => word.split("`").length - 1;

/** Greedy wrap at WIDTH, never inside a code span; the first line starts with `first`, the others with `rest`. */
function wrap(text: string, first: string, rest: string): string[] {
  const words: string[] = [];
  let inCode = false;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (words.length > 0 && (inCode || opensBlock.test(word))) words[words.length - 1] += ` ${word}`;
    else words.push(word);
    if (backticks(word) % 2 === 1) inCode = !inCode;
  }
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of words) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = rest;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}

const item = (label: string, text: string) => wrap(text, `- **${label}** `, "  ");

function entry(indicator: IndicatorDescription): string[] {
  return [
    `### \`${indicator.id}\` · v${indicator.version} — ${indicator.title}`,
    ...item("Formula", indicator.formula),
    ...item("Source", indicator.source),
    ...item("Baseline", indicator.baseline ?? "none."),
    ...item("Returns", indicator.returns),
    ...item("Reading", indicator.reading),
    ...(indicator.differsFromMetrics ? item("Differs from metrics.md", indicator.differsFromMetrics) : []),
    ...(indicator.note ? item("Note", indicator.note) : []),
  ];
}

function family(described: IndicatorFamily): string[] {
  const paragraphs = described.about.split(/\n\n/).map((paragraph) => wrap(paragraph, "", ""));
  return [
    `## ${described.title}`,
    ...[...paragraphs, ...described.indicators.map(entry)].flatMap((block) => ["", ...block]),
  ];
}

/** Every family with its introduction and its indicators' entries, as Markdown. */
export function indicatorReference(families: readonly IndicatorFamily[] = indicatorFamilies): string {
  return `${families.map((described) => family(described).join("\n")).join("\n\n")}\n`;
}

/** The page with its generated part (between the two markers) written afresh. */
export function withIndicatorReference(page: string, reference = indicatorReference()): string {
  const start = page.indexOf(REFERENCE_START);
  const end = page.indexOf(REFERENCE_END);
  if (start < 0 || end < start) throw new Error("the page lacks the markers of the generated indicator reference");
  return `${page.slice(0, start + REFERENCE_START.length)}\n\n${reference}\n${page.slice(end)}`;
}
