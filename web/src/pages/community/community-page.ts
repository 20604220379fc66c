import "./community.css";
import type { CommunitySummary } from "@copgraph/contract";
import { followChanges } from "../../core/api.js";
import { h, mount } from "../../core/dom.js";
import { links, type Page } from "../../core/router.js";
import { type CommunityView, createCommunityView } from "./community-view.js";
import { problemText, reads } from "./requests.js";
import { type SurveyRounds, surveyRounds } from "./survey-rounds.js";
import { readState } from "./view-state.js";

// Counts withheld (an agency's view of a small community) say nothing about records.
const hasRecords = (summary: CommunitySummary) =>
  summary.suppressed === true || (summary.interactions ?? 0) + (summary.gatherings ?? 0) > 0;

function emptyState(summary: CommunitySummary): HTMLElement {
  return h(
    "section",
    { class: "cg-community" },
    h(
      "header",
      { class: "cg-head" },
      h("div", {}, h("h1", {}, summary.name), h("p", { class: "cg-muted" }, summary.concern)),
    ),
    h(
      "div",
      { class: "empty cg-empty", "data-empty": "" },
      h("h2", {}, "No interactions yet"),
      h(
        "p",
        {},
        "Log one, or import a CSV of past gatherings and interactions: the network and its readings appear here as soon as there is something to show.",
      ),
      h(
        "p",
        {},
        h("a", { class: "cg-button", href: links.record(summary.communityId) }, "Log an interaction or import a CSV"),
      ),
    ),
  );
}

/**
 * #/c/<id>: the community view. Returns its cleanup at once and loads in the background, so that
 * leaving while it loads still closes the live connection and the renderer.
 */
const page: Page = (root, route) => {
  const id = route.communityId as string;
  let closed = false;
  let view: CommunityView | undefined;
  let stopLive: (() => void) | undefined;
  // A community with members and nothing recorded may start with a survey: its rounds show on the empty page too.
  let emptySurveys: SurveyRounds | undefined;
  mount(root, h("p", { class: "cg-loading", role: "status" }, "Opening the community…"));

  const open = (summary: CommunitySummary) => {
    emptySurveys?.stop();
    if (hasRecords(summary)) view = createCommunityView(root, summary, readState(route.query));
    else {
      emptySurveys = surveyRounds(id);
      mount(root, emptyState(summary), emptySurveys.element);
    }
  };

  void reads
    .community(id)
    .then((summary) => {
      if (closed) return;
      open(summary);
      // Live: each time the log grows, the view reloads what it shows (an empty page checks again).
      stopLive = followChanges(id, () => {
        if (view) view.refresh();
        else
          void reads.community(id).then((next) => {
            if (!closed && !view && hasRecords(next)) open(next);
          });
      });
    })
    .catch((error: unknown) => {
      if (closed) return;
      mount(
        root,
        h(
          "section",
          { class: "empty", role: "alert" },
          h("h1", {}, "This community could not be opened"),
          h("p", { class: "error" }, problemText(error)),
          h("p", {}, h("a", { href: links.overview() }, "Back to the communities")),
        ),
      );
    });

  return () => {
    closed = true;
    stopLive?.();
    emptySurveys?.stop();
    view?.destroy();
  };
};
export default page;
