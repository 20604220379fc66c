import type { FieldError } from "@copgraph/contract";
import { h } from "../../core/dom.js";

const MAX_ROW_TEXT = 90;

/**
 * Every bad row of a file with its line, column and reason, and the row as it is in the file,
 * so it can be found and fixed without counting lines.
 */
export function csvProblems(
  fileName: string,
  text: string,
  errors: readonly FieldError[],
  detail: string,
): HTMLElement {
  const lines = text.split(/\r?\n/);
  const sorted = [...errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const rows = new Set(sorted.map((e) => e.line).filter((line) => line !== undefined)).size;
  const rowText = (line: number | undefined) => {
    const content = line === undefined ? "" : (lines[line - 1] ?? "");
    return content.length > MAX_ROW_TEXT ? `${content.slice(0, MAX_ROW_TEXT)}…` : content;
  };
  return h(
    "div",
    { class: "rec-csv-problems", role: "alert" },
    h(
      "p",
      {},
      h("strong", {}, `${fileName}: ${detail}.`),
      ` ${rows === 1 ? "One row needs" : `${rows} rows need`} fixing. Fix the file and choose it again.`,
    ),
    h(
      "div",
      { class: "rec-scroll", tabindex: 0, role: "region", "aria-label": "Problems in the file" },
      h(
        "table",
        { class: "rec-table" },
        h("caption", {}, `Problems in ${fileName}, by line (line 1 is the header)`),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, "Line"),
            h("th", { scope: "col" }, "Column"),
            h("th", { scope: "col" }, "Problem"),
            h("th", { scope: "col" }, "Row in the file"),
          ),
        ),
        h(
          "tbody",
          {},
          ...sorted.map((error) =>
            h(
              "tr",
              { "data-line": error.line ?? "", "data-column": error.column ?? "" },
              h("td", {}, error.line ?? "—"),
              h("td", {}, error.column ?? "whole row"),
              h("td", {}, error.message),
              h("td", {}, h("code", {}, rowText(error.line))),
            ),
          ),
        ),
      ),
    ),
  );
}
