import { reportedLayers } from "@copgraph/contract";
import { tieLayers } from "@copgraph/domain";
import { h, mount } from "../../core/dom.js";
import { BACKBONE_EXPLANATION } from "./backbone.js";
import { attributeWords, type Period, periods, sizeMeasures, type ViewState } from "./view-state.js";

const periodLabels: Record<Period, string> = {
  all: "Whole history",
  "window:P30D": "Last 30 days",
  "window:P90D": "Last 90 days",
  "window:P365D": "Last 365 days",
  "halfLife:P30D": "Fading, half-life 30 days",
  "halfLife:P90D": "Fading, half-life 90 days",
};

const sizeOptions: Record<ViewState["size"], string> = {
  degree: "Number of ties",
  betweenness: "Betweenness",
  brokerage: "Brokerage",
};

const layerLabels: Record<string, string> = {
  "knowledge-sharing": "knowledge sharing",
  led: "led at gatherings",
  "co-attendance": "attended gatherings together",
  "reported-advice": "went to for advice",
  "reported-knowledge": "shared knowledge with",
  "reported-collaboration": "worked together with",
};

export interface Controls {
  readonly element: HTMLElement;
  /** Offers every attribute present in the nodes, keeping the current choice. */
  setAttributes(attributes: readonly string[], current: string): void;
  /** Ticks "Backbone" when the graph drawn is the backbone (also when the view chose it for a dense graph). */
  setBackbone(on: boolean): void;
}

/** The view's filters and display choices; each change is reported as a patch of the view state. */
export function createControls(state: ViewState, change: (patch: Partial<ViewState>) => void): Controls {
  const colour = h("select", { id: "cg-colour", onchange: () => change({ attribute: colour.value }) });
  const size = h(
    "select",
    { id: "cg-size", onchange: () => change({ size: size.value as ViewState["size"] }) },
    ...sizeMeasures.map((m) => h("option", { value: m, selected: m === state.size }, sizeOptions[m])),
  );
  const period = h(
    "select",
    { id: "cg-period", onchange: () => change({ period: period.value as Period }) },
    ...periods.map((p) => h("option", { value: p, selected: p === state.period }, periodLabels[p])),
  );
  const minWeight = h("input", {
    id: "cg-min-weight",
    type: "number",
    min: 0,
    step: 0.5,
    value: state.minWeight,
    inputmode: "decimal",
    onchange: () => {
      const value = Number(minWeight.value);
      change({ minWeight: Number.isFinite(value) && value > 0 ? value : 0 });
    },
  });
  const backbone = h("input", {
    id: "cg-backbone",
    type: "checkbox",
    checked: state.backbone === true,
    "aria-describedby": "cg-backbone-help",
    onchange: () => change({ backbone: backbone.checked }),
  });
  const silos = h("input", {
    id: "cg-silos",
    type: "checkbox",
    checked: state.silos,
    onchange: () => change({ silos: silos.checked }),
  });

  const chosen = new Set(state.layers ?? tieLayers);
  const summary = h("summary", {});
  const note = h("p", { class: "cg-muted", "aria-live": "polite" });
  const reported = new Set(state.reported);
  const showSummary = () => {
    const extra = reported.size > 0 ? ` + ${reported.size} reported` : "";
    summary.textContent = `Tie layers (${chosen.size} of ${tieLayers.length}${extra})`;
  };
  const boxes = tieLayers.map((layer) => {
    const box = h("input", {
      type: "checkbox",
      value: layer,
      checked: chosen.has(layer),
      onchange: () => {
        if (!box.checked && chosen.size === 1) {
          box.checked = true;
          note.textContent = "Keep at least one layer.";
          return;
        }
        note.textContent = "";
        if (box.checked) chosen.add(layer);
        else chosen.delete(layer);
        showSummary();
        change({ layers: chosen.size === tieLayers.length ? undefined : tieLayers.filter((l) => chosen.has(l)) });
      },
    });
    return h("label", { class: "cg-check" }, box, layerLabels[layer] ?? layer);
  });
  // Reported layers are drawn over the recorded ties, so they may all be off.
  const reportedBoxes = reportedLayers.map((layer) => {
    const box = h("input", {
      type: "checkbox",
      value: layer,
      checked: reported.has(layer),
      onchange: () => {
        if (box.checked) reported.add(layer);
        else reported.delete(layer);
        showSummary();
        change({ reported: reportedLayers.filter((l) => reported.has(l)) });
      },
    });
    return h("label", { class: "cg-check" }, box, layerLabels[layer] ?? layer);
  });
  showSummary();
  const layers = h(
    "details",
    { class: "cg-layers" },
    summary,
    h(
      "div",
      { class: "cg-layers-popover" },
      h("fieldset", {}, h("legend", { class: "cg-visually-hidden" }, "Tie layers to include"), ...boxes, note),
      h(
        "fieldset",
        { class: "cg-reported-layers" },
        h("legend", {}, "Reported in a survey"),
        h("p", { class: "cg-muted" }, "Whom members named in the last survey round closed by the date shown."),
        ...reportedBoxes,
      ),
    ),
  );

  const field = (id: string, label: string, control: HTMLElement) =>
    h("div", { class: "cg-field" }, h("label", { for: id }, label), control);

  const element = h(
    "div",
    { class: "cg-controls", role: "group", "aria-label": "What the graph shows" },
    field("cg-colour", "Colour by", colour),
    field("cg-size", "Size by", size),
    field("cg-period", "Period", period),
    field("cg-min-weight", "Minimum weight", minWeight),
    layers,
    h(
      "label",
      { class: "cg-check cg-toggle", for: "cg-backbone", title: BACKBONE_EXPLANATION },
      backbone,
      "Backbone",
      h("span", { id: "cg-backbone-help", hidden: true }, BACKBONE_EXPLANATION),
    ),
    h("label", { class: "cg-check cg-toggle", for: "cg-silos" }, silos, "Show silo clusters"),
  );

  return {
    element,
    setAttributes(attributes, current) {
      const list = attributes.includes(current) ? attributes : [...attributes, current];
      mount(
        colour,
        ...list.map((a) => h("option", { value: a, selected: a === current }, capitalise(attributeWords(a).one))),
      );
      colour.value = current;
    },
    setBackbone(on) {
      backbone.checked = on;
    },
  };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
