import { reportedLayers } from "@copgraph/contract";
import { tieLayers } from "@copgraph/domain";
import type { QueryParams } from "../../core/api.js";
import { links } from "../../core/router.js";

export type SizeMeasure = "degree" | "betweenness" | "brokerage";
export const sizeMeasures: readonly SizeMeasure[] = ["degree", "betweenness", "brokerage"];

/** A period: the whole history, a window before `at`, or fading ties (half-life). */
export const periods = ["all", "window:P30D", "window:P90D", "window:P365D", "halfLife:P30D", "halfLife:P90D"] as const;
export type Period = (typeof periods)[number];

/** Everything a view shows, kept in the URL so that a view can be shared and reloaded. */
export interface ViewState {
  /** Valid time (ISO); undefined follows "now" and the live log. */
  at: string | undefined;
  /** Transaction time (ISO), for researchers; undefined is "everything known now". */
  knownAt: string | undefined;
  attribute: string;
  size: SizeMeasure;
  /** Recorded layers; undefined: every one. */
  layers: string[] | undefined;
  /** Reported layers drawn over the recorded ties: those of the survey round in effect at `at`. */
  reported: string[];
  period: Period;
  minWeight: number;
  /** Only the backbone's ties (true) or every tie (false); undefined: the backbone when the graph is dense. */
  backbone: boolean | undefined;
  silos: boolean;
  member: string | undefined;
}

const isIso = (text: string | null): text is string => text !== null && !Number.isNaN(Date.parse(text));

export function readState(query: URLSearchParams): ViewState {
  const layers = query
    .get("layers")
    ?.split(",")
    .filter((layer) => (tieLayers as readonly string[]).includes(layer));
  const reported = (query.get("reported")?.split(",") ?? []).filter((layer) => reportedLayers.includes(layer));
  const period =
    periods.find((p) => p === `window:${query.get("window")}` || p === `halfLife:${query.get("halfLife")}`) ?? "all";
  const size = sizeMeasures.find((s) => s === query.get("size")) ?? "degree";
  const minWeight = Number(query.get("minWeight") ?? 0);
  const attribute = query.get("attribute") ?? "sector";
  return {
    at: isIso(query.get("at")) ? (query.get("at") as string) : undefined,
    knownAt: isIso(query.get("knownAt")) ? (query.get("knownAt") as string) : undefined,
    attribute: /^[A-Za-z][A-Za-z0-9_.]{0,63}$/.test(attribute) ? attribute : "sector",
    size,
    layers: layers && layers.length > 0 ? layers : undefined,
    reported: [...new Set(reported)],
    period,
    minWeight: Number.isFinite(minWeight) && minWeight > 0 ? minWeight : 0,
    backbone: query.get("backbone") === "1" ? true : query.get("backbone") === "0" ? false : undefined,
    silos: query.get("silos") === "1",
    member: query.get("member") || undefined,
  };
}

/** Writes the state into the hash without a navigation (replaceState fires no hashchange). */
export function writeState(communityId: string, state: ViewState): void {
  const query = new URLSearchParams();
  if (state.at) query.set("at", state.at);
  if (state.knownAt) query.set("knownAt", state.knownAt);
  if (state.attribute !== "sector") query.set("attribute", state.attribute);
  if (state.size !== "degree") query.set("size", state.size);
  if (state.layers) query.set("layers", state.layers.join(","));
  if (state.reported.length > 0) query.set("reported", state.reported.join(","));
  const [kind, duration] = state.period.split(":");
  if (kind && duration) query.set(kind, duration);
  if (state.minWeight > 0) query.set("minWeight", String(state.minWeight));
  if (state.backbone !== undefined) query.set("backbone", state.backbone ? "1" : "0");
  if (state.silos) query.set("silos", "1");
  if (state.member) query.set("member", state.member);
  const text = query.toString();
  history.replaceState(history.state, "", `${links.community(communityId)}${text ? `?${text}` : ""}`);
}

/** The API query of the graph and of every indicator: the same numbers as the view shows. */
export function graphQuery(state: ViewState, attribute = state.attribute): QueryParams {
  const [kind, duration] = state.period === "all" ? [] : state.period.split(":");
  return {
    at: state.at,
    knownAt: state.knownAt,
    window: kind === "window" ? duration : undefined,
    halfLife: kind === "halfLife" ? duration : undefined,
    layers: state.layers?.join(","),
    attribute,
    minWeight: state.minWeight > 0 ? state.minWeight : undefined,
  };
}

/**
 * The graph's own query: the recorded layers and, when picked, the reported ones (the readings
 * and trends read recorded ties only, with graphQuery).
 */
export function graphDrawQuery(state: ViewState): QueryParams {
  const query = graphQuery(state);
  if (state.reported.length === 0) return query;
  return { ...query, layers: [...(state.layers ?? tieLayers), ...state.reported].join(",") };
}

/** The words of the field for an attribute, singular and plural. */
export function attributeWords(attribute: string): { one: string; many: string } {
  const known: Record<string, { one: string; many: string }> = {
    sector: { one: "sector", many: "sectors" },
    occupationalLayer: { one: "occupational layer", many: "occupational layers" },
    learningEnvironment: { one: "learning environment", many: "learning environments" },
    organisation: { one: "organisation", many: "organisations" },
  };
  return known[attribute] ?? { one: attribute, many: `${attribute} values` };
}
