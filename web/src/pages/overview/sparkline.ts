import { formatNumber } from "./readings.js";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 120;
const HEIGHT = 34;
const PAD = 3;

export interface Series {
  readonly steps: readonly string[];
  readonly values: readonly (number | null)[];
  readonly baselines?: readonly (number | null)[];
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>) {
  const element = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

/** "M x y L x y …", starting a new piece after each gap (null), so a gap is never bridged. */
function path(values: readonly (number | null)[], x: (i: number) => number, y: (v: number) => number): string {
  let d = "";
  let drawing = false;
  values.forEach((value, index) => {
    if (value === null || !Number.isFinite(value)) {
      drawing = false;
      return;
    }
    d += `${drawing ? "L" : "M"}${x(index).toFixed(1)} ${y(value).toFixed(1)} `;
    drawing = true;
  });
  return d.trim();
}

const monthYear = (iso: string | undefined) =>
  iso ? new Date(iso).toLocaleDateString("en-GB", { month: "short", year: "numeric" }) : "";

/**
 * A small trend: the reading as a solid line, its baseline (if any) dashed, so the two differ by
 * more than colour. The scale follows the data, with a minimum span so noise is not magnified.
 */
export function sparkline(series: Series, kind: "index" | "count"): SVGSVGElement {
  const values = series.values;
  const baselines = series.baselines?.some((b) => b !== null) ? series.baselines : undefined;
  const known = [...values, ...(baselines ?? [])].filter((v): v is number => v !== null && Number.isFinite(v));
  const first = values.find((v) => v !== null) ?? null;
  const last = [...values].reverse().find((v) => v !== null) ?? null;
  const label =
    known.length === 0
      ? "No trend yet: no value in the last 12 months"
      : `Trend over 12 months: ${formatNumber(first, kind)} in ${monthYear(series.steps[values.indexOf(first)])}, ${formatNumber(last, kind)} in ${monthYear(series.steps.at(-1))}`;

  const root = svg("svg", {
    class: "ov-spark",
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    width: WIDTH,
    height: HEIGHT,
    role: "img",
    "aria-label": label,
  });
  const title = svg("title", {});
  title.textContent = label;
  root.append(title);
  if (known.length === 0) return root;

  const minSpan = kind === "count" ? 4 : 0.2;
  let low = Math.min(...known);
  let high = Math.max(...known);
  if (high - low < minSpan) {
    const middle = (high + low) / 2;
    low = middle - minSpan / 2;
    high = middle + minSpan / 2;
  }
  const x = (i: number) => PAD + (values.length <= 1 ? 0 : (i * (WIDTH - 2 * PAD)) / (values.length - 1));
  const y = (v: number) => HEIGHT - PAD - ((v - low) / (high - low)) * (HEIGHT - 2 * PAD);

  if (baselines) root.append(svg("path", { class: "ov-spark-baseline", d: path(baselines, x, y) }));
  root.append(svg("path", { class: "ov-spark-line", d: path(values, x, y) }));
  const lastIndex = values.lastIndexOf(last);
  if (last !== null) root.append(svg("circle", { class: "ov-spark-dot", cx: x(lastIndex), cy: y(last), r: 2.5 }));
  return root;
}
