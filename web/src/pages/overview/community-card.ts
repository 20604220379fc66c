import type { CommunitySummary, IndicatorDescription, IndicatorsResponse, TimelineResponse } from "@copgraph/contract";
import { api } from "../../core/api.js";
import { h, mount } from "../../core/dom.js";
import { indicatorDescriptions, kindOf, technicalNote } from "../../core/indicator-descriptions.js";
import { links } from "../../core/router.js";
import { noticePanel } from "../notices/notice-list.js";
import { type Headline, type HeadlineQuery, headlineQueries, headlines, indicatorsOf } from "./headlines.js";
import { formatNumber } from "./readings.js";
import { sparkline } from "./sparkline.js";
import { monthlySteps, windowedTrend } from "./windowed-trend.js";

const queryNames = Object.keys(headlineQueries) as HeadlineQuery[];

/** The trend of one query: the timeline endpoint, or date by date for a windowed reading. */
function trend(id: string, query: HeadlineQuery, steps: readonly string[]): Promise<TimelineResponse> {
  const params = headlineQueries[query];
  if (params.window) return windowedTrend(id, params, indicatorsOf(query), steps);
  return api.timeline(id, { ...params, from: steps[0], step: "P1M", indicators: indicatorsOf(query).join(",") });
}

const longDate = (iso: string) =>
  new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });

/** The exact API number as text (JSON), so tests and tools read back what the API said. */
const exact = (value: number | null | undefined) => JSON.stringify(value ?? null);

function readingRow(
  headline: Headline,
  description: IndicatorDescription | undefined,
  current: IndicatorsResponse["indicators"][string] | undefined,
  timeline: TimelineResponse,
  currentMembers: number | null,
): HTMLLIElement {
  const kind = kindOf(description);
  const value = current?.value ?? null;
  const baseline = current?.baseline ?? null;
  const series = timeline.series[headline.indicator];
  const query = headlineQueries[headline.query];
  return h(
    "li",
    {
      class: "ov-reading",
      "data-indicator": headline.indicator,
      "data-value": exact(value),
      "data-baseline": exact(baseline),
      "data-attribute": query.attribute ? String(query.attribute) : undefined,
      "data-window": query.window ? String(query.window) : undefined,
    },
    h("div", { class: "ov-reading-label" }, h("span", {}, headline.label), technicalNote(headline.label, description)),
    h(
      "div",
      { class: "ov-value" },
      h("strong", {}, formatNumber(value, kind)),
      headline.baselineLabel
        ? h("span", { class: "ov-baseline" }, `${headline.baselineLabel} ${formatNumber(baseline)}`)
        : headline.reference
          ? h("span", { class: "ov-baseline" }, headline.reference)
          : null,
    ),
    sparkline({ steps: timeline.steps, values: series?.values ?? [], baselines: series?.baselines }, kind),
    h("p", { class: "ov-reading-text" }, headline.read({ value, baseline, details: current?.details, currentMembers })),
  );
}

export interface CommunityCard {
  readonly element: HTMLElement;
  /** Fetches and draws the readings; safe to call again after a failure. */
  load(): Promise<void>;
}

/** One community: its counts and headline readings with their trends, in its own order. */
export function communityCard(summary: CommunitySummary, alive: () => boolean): CommunityCard {
  const id = summary.communityId;
  const headingId = `ov-card-${id}`;
  const body = h(
    "div",
    { class: "ov-card-body", "aria-busy": "true" },
    h("p", { class: "ov-muted" }, "Loading readings…"),
  );
  const element = h(
    "article",
    { class: "ov-card", "data-community": id, "aria-labelledby": headingId },
    h(
      "header",
      {},
      h("h2", { id: headingId }, h("a", { href: links.community(id) }, summary.name)),
      h("p", { class: "ov-concern" }, summary.concern),
      h(
        "p",
        { class: "ov-counts" },
        summary.suppressed
          ? "Counts withheld: fewer current members than the minimum group size · "
          : `${formatNumber(summary.activeMembers, "count")} current members (${formatNumber(summary.members, "count")} ever joined) · ${formatNumber(summary.interactions, "count")} interactions · ${formatNumber(summary.gatherings, "count")} gatherings · `,
        `latest record ${longDate(summary.lastOccurredAt)}`,
      ),
    ),
    body,
    h(
      "footer",
      { class: "ov-card-links" },
      h("a", { href: links.community(id), "data-page": "community" }, "Open the community view"),
      h("a", { href: links.record(id), "data-page": "record" }, "Log a gathering or import a CSV"),
    ),
  );

  async function load(): Promise<void> {
    body.setAttribute("aria-busy", "true");
    try {
      const steps = monthlySteps();
      const [currents, timelines, descriptions] = await Promise.all([
        Promise.all(
          queryNames.map((q) => api.indicators(id, { ...headlineQueries[q], indicators: indicatorsOf(q).join(",") })),
        ),
        Promise.all(queryNames.map((q) => trend(id, q, steps))),
        indicatorDescriptions(),
      ]);
      if (!alive()) return;
      const byQuery = (q: HeadlineQuery) => queryNames.indexOf(q);
      const rows = headlines.map((headline) => {
        const index = byQuery(headline.query);
        const current = currents[index]?.indicators[headline.indicator];
        return readingRow(
          headline,
          descriptions.get(headline.indicator),
          current,
          timelines[index] as TimelineResponse,
          summary.activeMembers,
        );
      });
      const quiet = summary.interactions === 0 && summary.gatherings === 0;
      mount(
        body,
        quiet
          ? h(
              "p",
              { class: "ov-hint" },
              "No gatherings or interactions yet — ",
              h("a", { href: links.record(id), "data-page": "record" }, "log one, or import a CSV"),
              ".",
            )
          : null,
        h("ul", { class: "ov-readings" }, ...rows),
      );
      body.append(noticePanel(id, { limit: 3 }).element);
    } catch (error) {
      if (!alive()) return;
      const retry = h("button", { type: "button", onclick: () => void load() }, "Try again");
      mount(
        body,
        h("p", { class: "error", role: "alert" }, `Could not load the readings: ${(error as Error).message}. `, retry),
      );
    } finally {
      body.setAttribute("aria-busy", "false");
    }
  }

  return { element, load };
}
