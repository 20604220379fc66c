import type { IndicatorDescription } from "@copgraph/contract";
import { api } from "./api.js";
import { h } from "./dom.js";

// The indicators' titles, formulas, sources and baselines come from the API (`GET /v1/indicators`,
// written beside each computation), never from a copy kept here.

export type IndicatorDescriptions = ReadonlyMap<string, IndicatorDescription>;

let loading: Promise<IndicatorDescriptions> | undefined;

/** Every indicator's description, asked once per page load (and again only after a failure). */
export function indicatorDescriptions(): Promise<IndicatorDescriptions> {
  loading ??= api.indicatorCatalogue().then(
    (catalogue) => new Map(catalogue.indicators.map((description) => [description.id, description])),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** How a value is written: counts as whole numbers, everything else with two decimals. */
export const kindOf = (description: IndicatorDescription | undefined): "index" | "count" =>
  description?.unit === "count" ? "count" : "index";

/** The descriptions' Markdown: `code` and **bold**; everything else is plain text. */
export function inlineMarkdown(text: string): (HTMLElement | string)[] {
  return text
    .split(/(`[^`]+`|\*\*[^*]+\*\*)/)
    .filter(Boolean)
    .map((part) =>
      part.startsWith("`") && part.endsWith("`") && part.length > 1
        ? h("code", {}, part.slice(1, -1))
        : part.startsWith("**") && part.endsWith("**") && part.length > 3
          ? h("strong", {}, part.slice(2, -2))
          : part,
    );
}

/** Formula, baseline (where there is one) and source, one paragraph each. */
export function definitionParagraphs(description: IndicatorDescription): HTMLElement[] {
  return [
    h("p", {}, ...inlineMarkdown(description.formula)),
    description.baseline ? h("p", {}, "Baseline: ", ...inlineMarkdown(description.baseline)) : null,
    h("p", { class: "cg-muted" }, "Source: ", ...inlineMarkdown(description.source)),
  ].filter((paragraph): paragraph is HTMLParagraphElement => paragraph !== null);
}

/** A small (i) that opens the indicator's title, formula, baseline and source (overview cards, compare rows). */
export function technicalNote(
  label: string,
  description: IndicatorDescription | undefined,
  className = "cg-tech",
): HTMLElement | null {
  if (!description) return null;
  return h(
    "details",
    { class: className },
    h("summary", { "aria-label": `How “${label}” is computed` }, "i"),
    h(
      "div",
      { class: "cg-tech-body" },
      h("p", {}, h("strong", {}, description.title)),
      ...definitionParagraphs(description),
    ),
  );
}
