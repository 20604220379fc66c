import "./survey-rounds.css";
import type { RoundView } from "@copgraph/contract";
import { h, mount } from "../../core/dom.js";
import { problemText } from "./requests.js";
import { openForm } from "./survey-open-form.js";
import { surveyRequests } from "./survey-requests.js";
import { day, roundDetail, statusWords } from "./survey-round-detail.js";
import { roundResults } from "./survey-round-results.js";
import { followSurveys } from "./survey-stream.js";
import { trackingView } from "./survey-tracking.js";

export interface SurveyRounds {
  readonly element: HTMLElement;
  /** Stops following answers as they arrive. */
  stop(): void;
}

/** Rounds are the facilitator's to run (admins and facilitators); researchers read their readings. */
const mayRun = () => ["admin", "facilitator"].includes(document.body.dataset.role ?? "");
const mayRead = () => mayRun() || document.body.dataset.role === "researcher";

/**
 * The community's survey rounds for its facilitators: open a round, download the links for a
 * mail merge, reissue one, watch who answers (live, from the `survey` messages), close it.
 */
export function surveyRounds(
  communityId: string,
  onRounds: (rounds: readonly RoundView[]) => void = () => {},
): SurveyRounds {
  const element = h(
    "section",
    { class: "cg-surveys", "aria-labelledby": "cg-surveys-title", "data-state": "loading" },
    h("h2", { id: "cg-surveys-title" }, "Surveys"),
  );
  if (!mayRead()) {
    element.hidden = true;
    element.dataset.state = "hidden";
    return { element, stop: () => {} };
  }
  const list = h("ul", { class: "cg-survey-list" });
  const detail = h("div", { class: "cg-survey-round", "aria-live": "off" });
  const error = h("p", { class: "cg-error", role: "alert" });
  let rounds: RoundView[] = [];
  let selected: string | undefined;
  let trackingSlot: HTMLElement | undefined;

  // Live while a running round is open: an answer arrived or was withdrawn, the counts and its
  // tracking follow. One stream only then, since a key may hold only a few open at once.
  let stopLive: (() => void) | undefined;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const follow = (on: boolean) => {
    const refresh = () => {
      clearTimeout(pending);
      pending = setTimeout(() => {
        void refreshList();
        void refreshTracking();
      }, 150);
    };
    if (on && !stopLive) stopLive = followSurveys(communityId, refresh, refresh);
    if (!on) {
      clearTimeout(pending);
      stopLive?.();
      stopLive = undefined;
    }
  };

  const refreshList = async () => {
    try {
      rounds = (await surveyRequests.list(communityId)).rounds;
      onRounds(rounds);
      renderList();
      element.dataset.state = "ready";
      error.textContent = "";
    } catch (failure) {
      error.textContent = `Could not read the survey rounds: ${problemText(failure)}`;
      element.dataset.state = "error";
    }
  };

  const renderList = () =>
    mount(
      list,
      ...(rounds.length === 0
        ? [h("li", { class: "cg-muted" }, "No round yet.")]
        : [...rounds].reverse().map((round) =>
            h(
              "li",
              { "data-round": round.roundId, "data-status": round.status },
              h(
                "button",
                {
                  type: "button",
                  class: "cg-link-button",
                  "aria-expanded": String(round.roundId === selected),
                  onclick: () => select(round.roundId === selected ? undefined : round.roundId),
                },
                round.title,
              ),
              h(
                "span",
                { class: "cg-muted" },
                ` ${statusWords[round.status]}, ${day(round.opensAt)} – ${day(round.closesAt)}; ${round.answered} of ${round.rosterSize} answered`,
              ),
            ),
          )),
    );

  const refreshTracking = async () => {
    if (!selected || !trackingSlot) return;
    const slot = trackingSlot;
    try {
      const tracking = await surveyRequests.tracking(communityId, selected);
      if (slot === trackingSlot) mount(slot, trackingView(tracking));
    } catch (failure) {
      if (slot === trackingSlot) mount(slot, h("p", { class: "cg-error" }, problemText(failure)));
    }
  };

  function select(roundId: string | undefined): void {
    selected = roundId;
    renderList();
    const round = rounds.find((each) => each.roundId === roundId);
    if (!round) {
      trackingSlot = undefined;
      mount(detail);
      follow(false);
      return;
    }
    const readings = roundResults(communityId, round);
    if (!mayRun()) {
      // Researchers: the round and its readings, not its links, respondents or closing.
      trackingSlot = undefined;
      mount(
        detail,
        h("div", { class: "cg-survey-detail", "data-round": round.roundId }, h("h3", {}, round.title), readings),
      );
      return;
    }
    follow(round.status !== "closed");
    trackingSlot = h(
      "div",
      { class: "cg-survey-tracking-slot" },
      h("p", { class: "cg-muted" }, "Reading the responses…"),
    );
    mount(
      detail,
      roundDetail(communityId, round, trackingSlot, async () => {
        await refreshList();
        select(round.roundId);
      }),
      readings,
    );
    void refreshTracking();
  }

  element.append(
    h(
      "p",
      { class: "cg-muted" },
      "Ask the members whom they turn to and how far they trust them: each gets a personal link, no account.",
    ),
    list,
    ...(mayRun()
      ? [
          openForm(communityId, async (opened) => {
            await refreshList();
            select(opened.roundId);
          }),
        ]
      : []),
    detail,
    error,
  );
  void refreshList();

  return {
    element,
    stop: () => follow(false),
  };
}
