import { h, mount } from "../../core/dom.js";
import { type Category, sizeLabels } from "./appearance.js";
import { INCOMING, OUTGOING } from "./graph-view.js";
import { attributeWords, type SizeMeasure } from "./view-state.js";

export interface LegendState {
  readonly attribute: string;
  readonly categories: readonly Category[];
  readonly size: SizeMeasure;
  readonly silos: boolean;
}

const swatch = (colour: string, shape = "dot") =>
  h("span", { class: `cg-swatch cg-swatch-${shape}`, style: `background:${colour}`, "aria-hidden": "true" });

/** The legend beside the graph, always visible: colours by category, then what size, thickness and rings mean. */
export function renderLegend(element: HTMLElement, state: LegendState): void {
  const { one } = attributeWords(state.attribute);
  const items = state.categories.map((category) =>
    h(
      "li",
      { "data-category": category.value, "data-colour": category.colour },
      swatch(category.colour),
      h("span", { class: "cg-legend-name" }, category.value),
      h("span", { class: "cg-legend-count", title: "members" }, category.members.toLocaleString("en")),
    ),
  );
  mount(
    element,
    h("h2", { class: "cg-legend-title" }, `Colour: ${one}`),
    items.length > 0
      ? h("ul", { class: "cg-legend-list", "aria-label": `Colours by ${one}` }, ...items)
      : h("p", { class: "cg-muted" }, "No members to show yet."),
    h(
      "ul",
      { class: "cg-legend-notes" },
      h("li", {}, swatch("#5b6270", "size"), `Size: ${sizeLabels[state.size]}`),
      h("li", {}, swatch("#9aa1ab", "tie"), "Thickness: tie weight"),
      h("li", {}, swatch(OUTGOING, "tie"), "Hover: ties given"),
      h("li", {}, swatch(INCOMING, "tie"), "Hover: ties received"),
      state.silos ? h("li", {}, swatch("transparent", "ring"), "Ring: member of a silo cluster") : null,
    ),
  );
}
