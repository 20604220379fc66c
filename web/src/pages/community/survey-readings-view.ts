import type { SurveyChainResponse, SurveyReadingsResponse } from "@copgraph/contract";
import { h } from "../../core/dom.js";
import { slugWords } from "../../core/words.js";

// A round's readings in plain sentences: how much members trust and value those they named, inside
// and across sectors, whether trust is mutual, whether naming runs both ways, and (the chain) whether
// pairs who switched roles and reciprocated trust each other more. Every part states who answered.

const two = (value: number | null | undefined) => (value === null || value === undefined ? "–" : value.toFixed(2));
const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? "–" : `${Math.round(value * 100)} %`;

/** "9 of 12 members asked answered (75 %)". */
export function responseRateSentence(rate: SurveyReadingsResponse["responseRate"]): string {
  if (rate.respondents === null || rate.rostered === null) return "How many answered is withheld (too few to show).";
  return `${rate.respondents} of ${rate.rostered} members asked answered (${percent(rate.value)}).`;
}

const reading = (label: string, value: string, sentence: string, id: string) =>
  h(
    "div",
    { class: "cg-survey-reading", "data-reading": id },
    h("dt", {}, label),
    h("dd", {}, h("strong", {}, value), " ", sentence),
  );

/** The trust and value readings and reciprocity on the reported layers, as sentences. */
export function readingsView(readings: SurveyReadingsResponse): HTMLElement {
  const parts: HTMLElement[] = [h("p", { class: "cg-survey-answered" }, responseRateSentence(readings.responseRate))];
  const trust = readings.trustValue;
  if (readings.responseRate.respondents === 0) {
    parts.push(h("p", { class: "cg-muted" }, "No one has answered yet: there is nothing to read."));
    return h("div", { class: "cg-survey-readings" }, ...parts);
  }
  if (readings.suppressed || !trust) {
    parts.push(h("p", { class: "cg-muted" }, "Too few members answered for the readings to be shown."));
    return h("div", { class: "cg-survey-readings" }, ...parts);
  }
  const { network, acrossWithin, mutualTrust } = trust;
  const group = slugWords(acrossWithin.attribute);
  const leaning =
    acrossWithin.ei === null
      ? "No trusted tie yet to tell."
      : acrossWithin.ei < 0
        ? `More trusted ties stay inside a ${group} than cross one.`
        : `As many or more trusted ties cross a ${group} as stay inside one.`;
  parts.push(
    h(
      "dl",
      {},
      reading(
        "Trust",
        `${two(network.trustScore)} of 4`,
        `on average, over ${network.trustRatings} ratings of people named (reliable, supports the common concern, open to discussion): ${percent(network.trustShareOfMaximum)} of the most.`,
        "trust",
      ),
      reading(
        "Value",
        `${two(network.valueScore)} of 4`,
        `on average, over ${network.valueRatings} ratings (influence, involvement, resources contributed): ${percent(network.valueShareOfMaximum)} of the most.`,
        "value",
      ),
      reading(
        `Trust across ${group}s`,
        two(acrossWithin.ei),
        `E-I of trusted ties (rated 3 or more): ${acrossWithin.externalTrustTies} across, ${acrossWithin.internalTrustTies} inside; mean trust inside ${two(acrossWithin.trustWithin)}, across ${two(acrossWithin.trustAcross)}. ${leaning}`,
        "trust-ei",
      ),
      reading(
        "Mutual trust",
        two(mutualTrust.value),
        `of the trusted pairs (one rates the other 3 or more) trust each other both ways: ${mutualTrust.mutualDyads} both ways, ${mutualTrust.oneWayDyads} one way, among the ${mutualTrust.dyads} pairs in which both answered.`,
        "mutual-trust",
      ),
      ...(readings.reciprocity ?? []).map((layer) =>
        reading(
          `Named both ways: ${slugWords(layer.layer ?? layer.question ?? "")}`,
          two(layer.value),
          `of the pairs where one named the other named each other: ${layer.mutualDyads} both ways, ${layer.asymmetricDyads} one way (over dyads in which both answered, ${layer.dyadsUsed} pairs; ${layer.arcsLeftOut} naming(s) of members who did not answer left out).`,
          `reciprocity-${layer.layer ?? layer.question}`,
        ),
      ),
    ),
  );
  return h("div", { class: "cg-survey-readings" }, ...parts);
}

type Chain = NonNullable<SurveyChainResponse["chain"]>;

const correlationRow = (label: string, c: Chain["correlations"]["reversalTrust"]) =>
  h(
    "tr",
    {},
    h("th", { scope: "row" }, label),
    h("td", { class: "cg-num" }, two(c.r)),
    h("td", { class: "cg-num" }, two(c.p)),
  );

/** The chain: three QAP correlations with their p-values and the regression of trust on the two. */
export function chainView(answer: SurveyChainResponse): HTMLElement {
  const chain = answer.chain;
  if (!chain) return h("p", { class: "cg-muted" }, "Too few members answered for the chain to be tested.");
  const { correlations, regression } = chain;
  const trustOnReversal = correlations.reversalTrust;
  const sentence =
    trustOnReversal.r === null || trustOnReversal.p === null
      ? "Not enough variation among the pairs to test it."
      : trustOnReversal.p < 0.05
        ? `Pairs who switched roles trust each other ${trustOnReversal.r > 0 ? "more" : "less"} than other pairs (r = ${two(trustOnReversal.r)}, p = ${two(trustOnReversal.p)}).`
        : `No clear link between switching roles and mutual trust in this round (r = ${two(trustOnReversal.r)}, p = ${two(trustOnReversal.p)}).`;
  return h(
    "div",
    { class: "cg-survey-chain", "data-dyads": String(chain.dyads) },
    h("p", {}, sentence),
    h(
      "table",
      {},
      h(
        "caption",
        {},
        `Over the ${chain.members} members who answered (${chain.dyads} pairs): roles and reciprocity recorded ${chain.recordedWindow.from.slice(0, 10)} – ${chain.recordedWindow.to.slice(0, 10)}, trust as reported; p from ${chain.permutations} QAP permutations.`,
      ),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, "Pair of matrices"),
          h("th", { scope: "col" }, "r"),
          h("th", { scope: "col" }, "p"),
        ),
      ),
      h(
        "tbody",
        {},
        correlationRow("Role reversal · reciprocity", correlations.reversalReciprocity),
        correlationRow("Role reversal · mutual trust", correlations.reversalTrust),
        correlationRow("Reciprocity · mutual trust", correlations.reciprocityTrust),
      ),
    ),
    h(
      "p",
      { class: "cg-muted" },
      regression.undefinedBecause
        ? correlations.reversalReciprocity.r === 1
          ? "Regression of trust on both: in this record every pair that helped both ways also switched roles, so what each adds to trust cannot be told apart."
          : `Regression of trust on both: ${regression.undefinedBecause}.`
        : `Regression of mutual trust on both (MRQAP, double semi-partialling): R² ${two(regression.r2)}; ${regression.coefficients
            .map((c) => `${slugWords(c.name)} ${two(c.estimate)} (p ${two(c.p)})`)
            .join(", ")}.`,
    ),
  );
}
