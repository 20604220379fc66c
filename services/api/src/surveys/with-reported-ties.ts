import type { ReportedLayersApplied } from "@copgraph/contract";
import { roundEndsAt, type SurveyRound, surveyResponsesOf } from "@copgraph/domain";

interface Tie {
  source: string;
  target: string;
  weight: number;
  layers: Record<string, number>;
}

interface Body {
  readonly nodes: readonly { readonly id: string }[];
  readonly ties: readonly Tie[];
}

/**
 * The graph with the round's reported ties of the layers asked added: an arc from the respondent
 * to each member named, weighing 1 per layer, on a tie of the same pair when the graph has one
 * (its weight then counts both). Ties from or to someone not in the graph are left out and
 * counted. `recorded`: every recorded tie when the body holds only some (the backbone's), so that a
 * reported tie of a pair recorded but not drawn still carries its recorded layers (and is never
 * taken for a tie nothing recorded backs). A round of null adds nothing and says that no round had
 * ended by `at`. Pure.
 */
export function withReportedTies<B extends Body>(
  body: B,
  round: SurveyRound | undefined,
  layers: readonly string[],
  at: string,
  recorded?: readonly Tie[],
): B & { ties: Tie[]; reported: ReportedLayersApplied } {
  if (round === undefined) {
    const statement = `No survey round of this community had ended by ${at.slice(0, 10)}: no reported ties are drawn.`;
    const reported = { layers: [...layers], round: null, tiesDrawn: 0, tiesLeftOut: 0, statement };
    return { ...body, ties: [...body.ties], reported };
  }
  const responses = surveyResponsesOf(round);
  const asked = new Set(layers);
  const members = new Set(body.nodes.map((node) => node.id));
  const ties = body.ties.map((tie) => ({ ...tie, layers: { ...tie.layers } }));
  const pairKey = (tie: Tie) => `${tie.source}\u0000${tie.target}`;
  const byPair = new Map(ties.map((tie) => [pairKey(tie), tie]));
  const notDrawn = new Map((recorded ?? []).map((tie) => [pairKey(tie), tie]));
  let drawn = 0;
  let leftOut = 0;
  for (const { from, to, layer } of responses.ties) {
    if (!asked.has(layer) || from === to) continue;
    if (!members.has(from) || !members.has(to)) {
      leftOut++;
      continue;
    }
    const key = `${from}\u0000${to}`;
    let tie = byPair.get(key);
    if (tie === undefined) {
      const behind = notDrawn.get(key);
      tie = behind ? { ...behind, layers: { ...behind.layers } } : { source: from, target: to, weight: 0, layers: {} };
      byPair.set(key, tie);
      ties.push(tie);
    }
    // One question per layer: naming someone twice in one layer is one tie of it.
    if (tie.layers[layer] !== undefined) continue;
    tie.layers[layer] = 1;
    tie.weight += 1;
    drawn++;
  }
  const asks = round.roster.length;
  const answered = responses.respondents.length;
  const rate = asks === 0 ? 0 : answered / asks;
  const endedAt = roundEndsAt(round);
  const statement =
    `Reported ties (${[...asked].join(", ")}) from the survey round that ended ${endedAt.slice(0, 10)}: ` +
    `${answered} of ${asks} members asked answered (${Math.round(rate * 100)} %). ` +
    "A member who did not answer has no reported ties of their own; ties others reported to them are drawn.";
  return {
    ...body,
    ties,
    reported: {
      layers: [...layers],
      round: {
        roundId: round.roundId,
        title: round.title,
        opensAt: round.opensAt,
        endedAt,
        asked: asks,
        answered,
        responseRate: rate,
      },
      tiesDrawn: drawn,
      tiesLeftOut: leftOut,
      statement,
    },
  };
}
