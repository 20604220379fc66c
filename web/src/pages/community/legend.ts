import { h, mount } from "../../core/dom.js";
import { slugWords } from "../../core/words.js";
import { type Category, sizeLabels } from "./appearance.js";
import { INCOMING, OUTGOING } from "./graph-view.js";
import "./legend.css";
import { attributeWords, type SizeMeasure } from "./view-state.js";

export interface LegendState {
  readonly attribute: string;
  readonly categories: readonly Category[];
  readonly size: SizeMeasure;
  readonly silos: boolean;
  /** Categories picked to stand out (the others dimmed), and categories left out of the picture. */
  readonly highlighted: ReadonlySet<string>;
  readonly hidden: ReadonlySet<string>;
}

/** What a click on the legend asks: to highlight a category, or to hide it, on or off. */
export type GroupPick = (pick: "highlight" | "hide", category: string, on: boolean) => void;

const swatch = (colour: string, shape = "dot") =>
  h("span", { class: `cg-swatch cg-swatch-${shape}`, style: `background:${colour}`, "aria-hidden": "true" });

/**
 * A button that says whether it is on (aria-pressed) and tells the view when it flips. Its name is
 * its text, or `name` where the text alone would be ambiguous ("Hide" what).
 */
function toggle(
  className: string,
  title: string,
  name: string | undefined,
  on: boolean,
  flip: (on: boolean) => void,
  ...content: (Node | string)[]
) {
  const button = h(
    "button",
    { type: "button", class: className, "aria-pressed": String(on), "aria-label": name, title },
    ...content,
  );
  button.addEventListener("click", () => {
    const pressed = button.getAttribute("aria-pressed") !== "true";
    button.setAttribute("aria-pressed", String(pressed));
    flip(pressed);
  });
  return button;
}

/**
 * The legend beside the graph, always visible: colours by category, then what size, thickness and
 * outlines mean. A category can be highlighted (the rest dimmed) or hidden, with buttons that a
 * keyboard reaches too.
 */
export function renderLegend(element: HTMLElement, state: LegendState, pick: GroupPick): void {
  const { one } = attributeWords(state.attribute);
  const items = state.categories.map((category) =>
    h(
      "li",
      { "data-category": category.value, "data-colour": category.colour },
      toggle(
        "cg-legend-highlight",
        `Highlight ${slugWords(category.value)}`,
        undefined,
        state.highlighted.has(category.value),
        (on) => pick("highlight", category.value, on),
        swatch(category.colour),
        h("span", { class: "cg-legend-name" }, slugWords(category.value)),
        h("span", { class: "cg-legend-count", title: "members" }, category.members.toLocaleString("en")),
      ),
      toggle(
        "cg-legend-hide",
        `Hide ${slugWords(category.value)}`,
        `Hide ${slugWords(category.value)}`,
        state.hidden.has(category.value),
        (on) => pick("hide", category.value, on),
        "Hide",
      ),
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
      state.silos ? h("li", {}, swatch("transparent", "outline"), "Outline: a silo cluster") : null,
    ),
  );
}
