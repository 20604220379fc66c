import type { ReportedLayersApplied } from "@copgraph/contract";
import { h, mount } from "../../core/dom.js";
import { isAbort, Latest, problemText, reads } from "./requests.js";
import { readingsView } from "./survey-readings-view.js";
import { dateLabel } from "./time-slider.js";

/** Ties only reported in a survey, not recorded: Okabe–Ito reddish purple, solid for software WebGL. */
export const REPORTED_TIE = "#CC79A7";

/** Whether a tie's layers are all reported ones (no recorded interaction behind it). */
export const onlyReported = (layers: Readonly<Record<string, number>>) => {
  const names = Object.keys(layers);
  return names.length > 0 && names.every((layer) => layer.startsWith("reported-"));
};

export interface ReportedLayersView {
  /** Under the graph: which round the reported ties come from, with its response rate. */
  readonly note: HTMLElement;
  /** In the readings: the trust and value readings of that round. */
  readonly readings: HTMLElement;
  show(reported: ReportedLayersApplied | undefined, at: string | undefined, knownAt: string | undefined): void;
  stop(): void;
}

/**
 * What the graph's reported layers show: the survey round in effect at the date (the last one
 * closed by then), how many answered, and its trust readings, which appear as the slider reaches
 * the round's close.
 */
export function createReportedLayersView(communityId: string): ReportedLayersView {
  const note = h("p", { class: "cg-reported-note cg-muted", role: "status" });
  const readings = h("section", { class: "cg-reported-readings", "aria-labelledby": "cg-reported-title" });
  readings.hidden = true;
  const request = new Latest();
  let shownRound: string | undefined;

  const hide = () => {
    request.abort();
    shownRound = undefined;
    readings.hidden = true;
    mount(readings);
  };

  async function loadReadings(roundId: string, title: string, knownAt: string | undefined): Promise<void> {
    const heading = h("h3", { id: "cg-reported-title" }, `Trust and value · ${title}`);
    readings.hidden = false;
    mount(readings, heading, h("p", { class: "cg-muted" }, "Loading the survey readings…"));
    const signal = request.next();
    try {
      mount(readings, heading, readingsView(await reads.surveyReadings(communityId, roundId, { knownAt }, signal)));
      readings.dataset.round = roundId;
    } catch (failure) {
      if (!isAbort(failure)) mount(readings, heading, h("p", {}, `Could not load them: ${problemText(failure)}`));
    }
  }

  return {
    note,
    readings,
    show(reported, at, knownAt) {
      if (!reported) {
        note.textContent = "";
        return hide();
      }
      const round = reported.round;
      if (!round) {
        note.textContent = `No survey round had closed by ${dateLabel(at)}: no reported ties are drawn.`;
        return hide();
      }
      const title = round.title ? `“${round.title}”` : "the survey round";
      const rate = Math.round(round.responseRate * 100);
      mount(
        note,
        h("span", { class: "cg-reported-swatch", "aria-hidden": "true" }),
        `Reported ties from ${title}, closed ${dateLabel(round.endedAt)}: ${round.answered} of ${round.asked} members asked answered (${rate} %). ` +
          "Pink where nothing recorded backs them; a member who did not answer has no reported ties of their own.",
      );
      const key = `${round.roundId}|${knownAt ?? ""}`;
      if (key === shownRound) return;
      shownRound = key;
      void loadReadings(round.roundId, title, knownAt);
    },
    stop: () => request.abort(),
  };
}
