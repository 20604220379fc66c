import type { CompareResponse } from "@copgraph/contract";
import { h } from "../../core/dom.js";
import { type IndicatorDescriptions, kindOf, technicalNote } from "../../core/indicator-descriptions.js";
import { links } from "../../core/router.js";
import { slugWords } from "../../core/words.js";
import { type CompareRow, compareRows, type GroupAttribute, groupAttributes } from "./compare-rows.js";

type Compared = CompareResponse["communities"][number];

/** Two decimals for indices, whole numbers for counts, with a true minus sign. */
function formatNumber(value: number | null | undefined, kind: "index" | "count" = "index"): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return (kind === "count" ? Math.round(value).toLocaleString("en") : value.toFixed(2)).replace("-", "−");
}

/** The exact API number as text (JSON), so tests and tools read back what the API said. */
const exact = (value: number | null | undefined) => JSON.stringify(value ?? null);

function cell(row: CompareRow, community: Compared, k: number, kind: "index" | "count"): HTMLTableCellElement {
  const reading = community.indicators[row.indicator];
  const value = reading?.value ?? null;
  const baseline = reading?.baseline ?? null;
  const next =
    row.baselineLabel !== undefined
      ? `${row.baselineLabel} ${formatNumber(baseline)}`
      : row.reference
        ? row.reference(k)
        : undefined;
  return h(
    "td",
    {
      "data-community": community.communityId,
      "data-indicator": row.indicator,
      "data-value": exact(value),
      "data-baseline": exact(baseline),
      title: reading?.suppressed
        ? "Withheld: it would describe a group smaller than the minimum size"
        : value === null
          ? "Not defined for this data (for example, no ties yet)"
          : undefined,
    },
    h("span", { class: "cmp-value" }, reading?.suppressed ? "withheld" : formatNumber(value, kind)),
    next ? h("span", { class: "cmp-baseline" }, ` · ${next}`) : null,
  );
}

function rowHeader(row: CompareRow, plural: string, descriptions: IndicatorDescriptions): HTMLTableCellElement {
  const label = row.label.replace("{groups}", plural);
  return h(
    "th",
    { scope: "row" },
    h("span", {}, label),
    technicalNote(label, descriptions.get(row.indicator), "cmp-tech cg-tech"),
  );
}

const dateTime = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** The resolved query, so every number can be reproduced. */
function queryLine(response: CompareResponse): HTMLElement {
  const { query } = response;
  const revisions = response.communities.map((c) => `${c.name} ${c.revision}`).join(", ");
  return h(
    "p",
    { class: "cmp-query" },
    `As of ${dateTime(query.at)} UTC, as known ${dateTime(query.knownAt)} UTC · grouped by ${slugWords(query.attribute)} · `,
    `${query.layers.length === 8 ? "all tie layers" : `layers ${query.layers.join(", ")}`} · `,
    `revisions: ${revisions}`,
  );
}

/** One column per community, one row per indicator, each value next to its own baseline. */
export function compareTable(
  response: CompareResponse,
  attribute: GroupAttribute,
  descriptions: IndicatorDescriptions,
): HTMLElement {
  const group = groupAttributes.find((g) => g.value === attribute) ?? groupAttributes[0]!;
  const table = h(
    "table",
    { class: "cmp-table", "data-at": response.query.at, "data-attribute": response.query.attribute },
    h("caption", {}, "Each value next to its community's own baseline: what random mixing or chance would give there."),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, "Reading"),
        ...response.communities.map((community) =>
          h(
            "th",
            { scope: "col", "data-community": community.communityId },
            h("a", { href: links.community(community.communityId) }, community.name),
          ),
        ),
      ),
    ),
    h(
      "tbody",
      {},
      ...compareRows.map((row) =>
        h(
          "tr",
          { class: row.byGroup ? "cmp-grouped" : undefined },
          rowHeader(row, group.plural, descriptions),
          ...response.communities.map((community) =>
            cell(row, community, group.k, kindOf(descriptions.get(row.indicator))),
          ),
        ),
      ),
    ),
  );
  return h(
    "div",
    { class: "cmp-result" },
    h("div", { class: "cmp-scroll", tabindex: 0, role: "region", "aria-label": "Comparison table" }, table),
    queryLine(response),
  );
}
