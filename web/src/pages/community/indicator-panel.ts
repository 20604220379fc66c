import type { IndicatorsResponse, IndicatorValue } from "@copgraph/contract";
import { formatValue, h, mount } from "../../core/dom.js";
import { definitionParagraphs, type IndicatorDescriptions, kindOf } from "../../core/indicator-descriptions.js";
import { slugWords } from "../../core/words.js";
import { reading, title } from "./readings.js";
import { clusterList } from "./silo-clusters.js";
import { attributeWords } from "./view-state.js";

/** How members switch roles, each next to its baseline where the catalogue gives one. */
export const roleSwitching = [
  "roles.switch_rate",
  "roles.entropy",
  "roles.reversal",
  "roles.hierarchy_inversion",
  "reciprocity.time_to_return",
] as const;

/** Every indicator the panel shows, asked with the view's attribute. */
export const requested = [
  "silo.ei",
  "diversity.iqv",
  "reciprocity.rho",
  "reciprocity.dyadic",
  "roles.dual_role_share",
  ...roleSwitching,
  "activity.active_members",
  "network.members",
  "network.ties",
  "silo.clusters",
] as const;

export interface PanelContext {
  /** The colour of a category (the legend's for the view's attribute), for the breakdowns. */
  colour(attribute: string, category: string): string;
  readonly windowed: boolean;
  /** What each indicator measures, from the API, for its definition one click deeper. */
  readonly descriptions: IndicatorDescriptions;
}

/** The exact number the API returned, as JSON wrote it: tests compare the view to the API with it. */
export const raw = (value: number | null | undefined) =>
  value === null || value === undefined ? "null" : String(value);

const baselineWords: Record<string, string> = {
  "silo.ei": "random mixing",
  "reciprocity.rho": "chance",
  "reciprocity.dyadic": "chance at this density",
  "roles.reversal": "random directions",
  "roles.hierarchy_inversion": "roles shuffled",
};

/** Readings the catalogue gives no baseline, which say so rather than leave the reader guessing. */
const saysNoBaseline: ReadonlySet<string> = new Set([
  "roles.switch_rate",
  "roles.entropy",
  "reciprocity.time_to_return",
]);

/** One reading: value, baseline, a sentence, a breakdown by group and the definition one click deeper. */
function indicator(
  id: string,
  value: IndicatorValue | undefined,
  attribute: string,
  context: PanelContext,
  compact = false,
): HTMLElement {
  const definition = context.descriptions.get(id);
  const kind = kindOf(definition);
  const figure = h(
    "p",
    { class: "cg-figure" },
    h("span", { class: "cg-value", "data-value": raw(value?.value) }, formatValue(value?.value, kind)),
    value && "baseline" in value
      ? h(
          "span",
          { class: "cg-baseline", "data-baseline": raw(value.baseline) },
          `${baselineWords[id] ?? "baseline"} ${formatValue(value.baseline)}`,
        )
      : saysNoBaseline.has(id) && !definition?.baseline
        ? h("span", { class: "cg-baseline cg-no-baseline" }, "no baseline")
        : null,
  );
  const sentence = value
    ? reading(id, value.value, value.baseline, { attribute, details: value.details, windowed: context.windowed })
    : "Not available for this view.";
  return h(
    "article",
    {
      class: compact ? "cg-indicator cg-indicator-compact" : "cg-indicator",
      "data-indicator": id,
      "data-attribute": attribute,
    },
    h("h3", {}, title(id, attribute)),
    figure,
    h("p", { class: "cg-reading" }, sentence),
    compact ? null : breakdown(id, value, attribute, context),
    definition
      ? h(
          "details",
          { class: "cg-definition" },
          h("summary", {}, `Definition: ${definition.title}${value ? `, version ${value.version}` : ""}`),
          ...definitionParagraphs(definition),
        )
      : null,
  );
}

/** By group where the indicator has one; members per category for diversity; the clusters for silos. */
function breakdown(id: string, value: IndicatorValue | undefined, attribute: string, context: PanelContext) {
  const { one } = attributeWords(attribute);
  if (id === "silo.clusters") {
    return h(
      "details",
      { class: "cg-breakdown" },
      h("summary", {}, "The silo clusters"),
      clusterList(value, (category) => context.colour(attribute, category)),
    );
  }
  const counts = (value?.details as { counts?: Record<string, number> } | undefined)?.counts;
  const rows: [string, HTMLElement][] = [];
  if (value?.byGroup) {
    for (const [group, groupValue] of Object.entries(value.byGroup)) {
      rows.push([
        group,
        h("td", { class: "cg-num", "data-group": group, "data-value": raw(groupValue) }, formatValue(groupValue)),
      ]);
    }
  } else if (id === "diversity.iqv" && counts) {
    for (const [group, n] of Object.entries(counts))
      rows.push([group, h("td", { class: "cg-num" }, formatValue(n, "count"))]);
  }
  if (rows.length === 0) return null;
  const heading = value?.byGroup ? `By ${one}` : `Members by ${one}`;
  return h(
    "details",
    { class: "cg-breakdown" },
    h("summary", {}, heading),
    h(
      "table",
      {},
      h("caption", { class: "cg-visually-hidden" }, `${title(id, attribute)} by ${one}`),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, capital(one)),
          h("th", { scope: "col", class: "cg-num" }, value?.byGroup ? "Value" : "Members"),
        ),
      ),
      h(
        "tbody",
        {},
        ...rows.map(([group, cell]) =>
          h(
            "tr",
            {},
            h(
              "th",
              { scope: "row" },
              h("span", {
                class: "cg-swatch cg-swatch-dot",
                style: `background:${context.colour(attribute, group)}`,
                "aria-hidden": "true",
              }),
              slugWords(group),
            ),
            cell,
          ),
        ),
      ),
    ),
  );
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The headline readings. `main` was asked with the view's attribute; `other` holds the diversity of
 * the second field attribute (occupational layer, or sector when the view is by layer).
 */
export function renderIndicators(
  element: HTMLElement,
  main: IndicatorsResponse,
  other: IndicatorsResponse | undefined,
  context: PanelContext,
): void {
  const attribute = main.query.attribute;
  const values = main.indicators;
  const counts = ["network.members", "network.ties"].map((id) => indicator(id, values[id], attribute, context, true));
  mount(
    element,
    h("div", { class: "cg-counts" }, ...counts),
    indicator("silo.ei", values["silo.ei"], attribute, context),
    indicator("diversity.iqv", values["diversity.iqv"], attribute, context),
    other ? indicator("diversity.iqv", other.indicators["diversity.iqv"], other.query.attribute, context) : null,
    indicator("reciprocity.rho", values["reciprocity.rho"], attribute, context),
    indicator("reciprocity.dyadic", values["reciprocity.dyadic"], attribute, context),
    indicator("roles.dual_role_share", values["roles.dual_role_share"], attribute, context),
    ...roleSwitching.map((id) => indicator(id, values[id], attribute, context)),
    indicator("activity.active_members", values["activity.active_members"], attribute, context),
    indicator("silo.clusters", values["silo.clusters"], attribute, context),
  );
}
