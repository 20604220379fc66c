import type { RoundTracking } from "@copgraph/contract";
import { h } from "../../core/dom.js";
import { slugWords } from "../../core/words.js";

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

type Breakdown = RoundTracking["bySector"];

/** A table of response rates by group: group, answered of roster, rate. */
function rateTable(caption: string, rows: Breakdown, groupWords: (group: string) => string): HTMLElement {
  return h(
    "table",
    { class: "cg-survey-rates" },
    h("caption", {}, caption),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, "Group"),
        h("th", { scope: "col" }, "Answered"),
        h("th", { scope: "col" }, "Rate"),
      ),
    ),
    h(
      "tbody",
      {},
      ...rows.map((row) =>
        h(
          "tr",
          {},
          h("th", { scope: "row" }, groupWords(row.group)),
          h("td", {}, `${row.answered} of ${row.roster}`),
          h("td", {}, percent(row.rate)),
        ),
      ),
    ),
  );
}

/** The reported layer a name generator's answers form, in words ("ng.advice.v1" → "advice"). */
const questionWords = (question: string) => {
  const generator = /^ng\.([a-z-]+)\.v\d+$/.exec(question)?.[1];
  if (generator) return `${slugWords(generator)} (reported layer)`;
  const item = /^ci\.([a-z-]+)\.v\d+$/.exec(question)?.[1];
  return item ? `community item: ${slugWords(item)}` : question;
};

/**
 * Who has answered a round: the response rate overall, by sector, by occupational layer and by
 * question (each name generator is a reported layer), and who has not answered, by name.
 */
export function trackingView(tracking: RoundTracking): HTMLElement {
  const withdrawn = tracking.withdrawn > 0 ? ` ${tracking.withdrawn} withdrew (not counted).` : "";
  return h(
    "div",
    {
      class: "cg-survey-tracking",
      "data-answered": tracking.answered,
      "data-roster": tracking.roster,
      "data-withdrawn": tracking.withdrawn,
    },
    h(
      "p",
      { class: "cg-survey-rate" },
      h("strong", {}, `${percent(tracking.responseRate)} answered`),
      ` — ${tracking.answered} of ${tracking.roster} on the roster.${withdrawn}`,
    ),
    rateTable("By sector", tracking.bySector, slugWords),
    rateTable("By occupational layer", tracking.byOccupationalLayer, slugWords),
    rateTable("By question", tracking.byQuestion, questionWords),
    h("h4", {}, `Not answered yet (${tracking.notAnswered.length})`),
    tracking.notAnswered.length === 0
      ? h("p", { class: "cg-muted" }, "Everyone on the roster has answered.")
      : h(
          "ul",
          { class: "cg-survey-missing" },
          ...tracking.notAnswered.map((member) =>
            h("li", { "data-member": member.memberId }, member.displayName ?? member.memberId),
          ),
        ),
  );
}
