import type { RoundView } from "@copgraph/contract";
import { h, mount } from "../../core/dom.js";
import { problemText } from "./requests.js";
import { chainView, readingsView } from "./survey-readings-view.js";
import { surveyRequests } from "./survey-requests.js";

/** A round's readings and its chain test, read once when the round is opened on the page. */
export function roundResults(communityId: string, round: RoundView): HTMLElement {
  const readings = h(
    "div",
    { class: "cg-survey-readings-slot", "data-state": "loading" },
    h("p", { class: "cg-muted" }, "Reading…"),
  );
  const chain = h(
    "div",
    { class: "cg-survey-chain-slot", "data-state": "loading" },
    h("p", { class: "cg-muted" }, "Testing…"),
  );
  const fill = async <T>(slot: HTMLElement, ask: () => Promise<T>, view: (answer: T) => HTMLElement) => {
    try {
      mount(slot, view(await ask()));
      slot.dataset.state = "ready";
    } catch (failure) {
      mount(slot, h("p", { class: "cg-error" }, problemText(failure)));
      slot.dataset.state = "error";
    }
  };
  void fill(readings, () => surveyRequests.readings(communityId, round.roundId), readingsView);
  void fill(chain, () => surveyRequests.chain(communityId, round.roundId), chainView);
  return h(
    "div",
    { class: "cg-survey-results" },
    h("h4", {}, round.status === "closed" ? "Readings" : "Readings so far"),
    readings,
    h("h4", {}, "Role switching, reciprocity and trust"),
    chain,
  );
}
