import { formatValue, h, mount } from "../../core/dom.js";
import { type IndicatorDescriptions, kindOf } from "../../core/indicator-descriptions.js";
import { roleSwitching } from "./indicator-panel.js";
import { title } from "./readings.js";
import { dateLabel } from "./time-slider.js";
import type { Series } from "./timeline-data.js";

/** The trends under the graph: these indicators month by month, each with its baseline where it has one. */
export const charted = [
  "silo.ei",
  "reciprocity.dyadic",
  "roles.dual_role_share",
  "activity.active_members",
  ...roleSwitching,
] as const;

const SVG = "http://www.w3.org/2000/svg";
const [W, H, LEFT, TOP, BOTTOM] = [260, 90, 34, 8, 8];

const svg = <K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>) => {
  const element = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
};

/** A path through the points, broken where a value is null (undefined for the data, not zero). */
function path(values: readonly (number | null)[], x: (i: number) => number, y: (v: number) => number): string {
  let d = "";
  let pen = false;
  values.forEach((value, i) => {
    if (value === null || value === undefined) {
      pen = false;
      return;
    }
    d += `${pen ? "L" : "M"}${x(i).toFixed(1)},${y(value).toFixed(1)}`;
    pen = true;
  });
  return d;
}

export class TimelineCharts {
  readonly element = h("section", { class: "cg-charts", "aria-labelledby": "cg-charts-title" });
  private markers: { line: SVGLineElement; place: (time: number) => number | undefined }[] = [];

  /** Draws one small chart per series, marking the date `at` (undefined: now). */
  render(response: Series, attribute: string, at: string | undefined, descriptions: IndicatorDescriptions): void {
    const times = response.steps.map((step) => Date.parse(step));
    this.markers = [];
    const charts = charted.map((id) => {
      const series = response.series[id];
      if (!series) return null;
      return this.chart(id, attribute, kindOf(descriptions.get(id)), times, series.values, series.baselines);
    });
    mount(
      this.element,
      h("h2", { id: "cg-charts-title" }, "Trends, month by month"),
      h(
        "p",
        { class: "cg-muted" },
        "Solid line: the reading; dashed: its baseline where it has one (random mixing, chance, random directions or roles shuffled). The vertical line marks the date shown above.",
      ),
      h("div", { class: "cg-chart-grid" }, ...charts),
    );
    this.mark(at);
  }

  showMessage(text: string): void {
    this.markers = [];
    mount(
      this.element,
      h("h2", { id: "cg-charts-title" }, "Trends, month by month"),
      h("p", { class: "cg-muted" }, text),
    );
  }

  /** Moves the date marker of every chart. */
  mark(at: string | undefined): void {
    const time = at === undefined ? Date.now() : Date.parse(at);
    for (const { line, place } of this.markers) {
      const x = place(time);
      line.setAttribute("visibility", x === undefined ? "hidden" : "visible");
      if (x !== undefined) {
        line.setAttribute("x1", String(x));
        line.setAttribute("x2", String(x));
      }
    }
  }

  private chart(
    id: string,
    attribute: string,
    kind: "index" | "count",
    times: number[],
    values: (number | null)[],
    baselines: (number | null)[] | undefined,
  ): HTMLElement {
    const numbers = [...values, ...(baselines ?? [])].filter((v): v is number => typeof v === "number");
    let [low, high] = numbers.length ? [Math.min(...numbers), Math.max(...numbers)] : [0, 1];
    if (kind === "count") low = Math.min(0, low);
    if (high - low < 1e-9) [low, high] = [low - 0.5, high + 0.5];
    const first = times[0] ?? 0;
    const span = Math.max(1, (times[times.length - 1] ?? first) - first);
    const x = (i: number) => LEFT + ((W - LEFT - 4) * ((times[i] ?? first) - first)) / span;
    const y = (v: number) => TOP + ((H - TOP - BOTTOM) * (high - v)) / (high - low);

    const last = [...values].reverse().find((v) => v !== null);
    const label = `${title(id, attribute)}: from ${dateLabel(new Date(first).toISOString())}, latest ${formatValue(last, kind)}`;
    const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": label, class: "cg-chart-svg" });
    const axis = (value: number) => {
      const text = svg("text", { x: LEFT - 4, y: y(value) + 3, "text-anchor": "end", class: "cg-chart-tick" });
      text.textContent = formatValue(value, kind);
      return text;
    };
    chart.append(
      svg("line", { x1: LEFT, x2: W - 4, y1: y(high), y2: y(high), class: "cg-chart-grid-line" }),
      svg("line", { x1: LEFT, x2: W - 4, y1: y(low), y2: y(low), class: "cg-chart-grid-line" }),
      axis(high),
      axis(low),
    );
    if (baselines?.some((v) => v !== null))
      chart.append(svg("path", { d: path(baselines, x, y), class: "cg-chart-baseline" }));
    chart.append(svg("path", { d: path(values, x, y), class: "cg-chart-line" }));
    const marker = svg("line", { y1: TOP - 4, y2: H - BOTTOM + 4, class: "cg-chart-marker" });
    chart.append(marker);
    this.markers.push({
      line: marker,
      place: (time) =>
        time < first || time > first + span * 1.05
          ? undefined
          : Math.min(W - 4, x(0) + ((W - LEFT - 4) * (time - first)) / span),
    });
    return h(
      "figure",
      { class: "cg-chart", "data-series": id },
      h(
        "figcaption",
        {},
        h("span", {}, title(id, attribute)),
        h("span", { class: "cg-chart-last" }, formatValue(last, kind)),
      ),
      chart as unknown as HTMLElement,
      h(
        "div",
        { class: "cg-chart-axis" },
        h("span", {}, dateLabel(new Date(first).toISOString())),
        h("span", {}, dateLabel(new Date(first + span).toISOString())),
      ),
    );
  }
}
