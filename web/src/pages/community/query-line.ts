import type { ResolvedQuery } from "@copgraph/contract";
import { tieLayers } from "@copgraph/domain";
import { h } from "../../core/dom.js";
import { periodWords, slugWords } from "../../core/words.js";
import { dateLabel } from "./time-slider.js";
import { attributeWords, type ViewState } from "./view-state.js";

/**
 * The query behind the numbers, next to them (researchers reproduce a reading with it): the API's
 * resolved query in words, with the exact values in a tooltip.
 */
export function queryLine(query: ResolvedQuery, state: ViewState): HTMLElement {
  const period = periodWords(state.period);
  const layers =
    query.layers.length === tieLayers.length ? "all tie layers" : `layers: ${query.layers.map(slugWords).join(", ")}`;
  const parts = [
    `As of ${dateLabel(query.at)}${state.at ? "" : " (now)"}`,
    state.knownAt ? `as known at ${dateLabel(query.knownAt)}` : "everything known now",
    period,
    layers,
    `by ${attributeWords(query.attribute).one}`,
    query.minWeight > 0 ? `ties of weight ≥ ${query.minWeight}` : null,
    `revision ${query.revision}`,
  ].filter(Boolean);
  return h(
    "span",
    {
      title: `at=${query.at} knownAt=${query.knownAt} from=${query.from ?? "—"} halfLife=${query.halfLife ?? "—"} layers=${query.layers.join(",")} attribute=${query.attribute} minWeight=${query.minWeight} seed=${query.seed} permutations=${query.permutations} revision=${query.revision}`,
    },
    parts.join(" · "),
  );
}
