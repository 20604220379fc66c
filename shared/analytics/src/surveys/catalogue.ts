// The survey readings' catalogue: what each reading computes, where its definition comes from, and
// its version (bumped whenever the definition changes). Survey readings read a round's answers
// (responses.ts), not a snapshot of recorded ties, so they sit beside the indicator catalogue
// rather than in it. docs/survey-analytics.md holds each entry (catalogue.test.ts checks).

export interface SurveyReadingDescription {
  /** Stable id, e.g. `survey.trust.mutual`. */
  readonly id: string;
  readonly version: number;
  readonly title: string;
  readonly unit: "share" | "index" | "score 1–4" | "correlation" | "coefficient" | "matrix";
  /** Markdown: `code` in backticks. */
  readonly formula: string;
  readonly source: string;
  /** The function that computes it and the fields it fills. */
  readonly returns: string;
}

const partner =
  "PARTNER's trust and value scores (Varda, Chandra, Stern & Lurie 2008; Varda & Retrum 2012; Visible Network Labs, “Analyze trust and value”): three 1–4 dimensions per score.";

export const surveyReadings: readonly SurveyReadingDescription[] = [
  {
    id: "survey.response_rate",
    version: 1,
    title: "Response rate",
    unit: "share",
    formula: "`respondents / rostered`; withdrawn answers do not count as answered.",
    source: "standard survey practice.",
    returns: "`responseRate` of trustValueReadings and reportedReciprocity; null for an empty roster.",
  },
  {
    id: "survey.trust.given",
    version: 1,
    title: "Trust given",
    unit: "score 1–4",
    formula:
      "a rating's trust score is the mean of the trust dimensions it gives; trust given is the mean over the trust ratings a member (or a group's members, pooled) gave.",
    source: partner,
    returns: "`byMember[id].trustGiven`, `byGroup[attribute][group].trustGiven`; null without such ratings.",
  },
  {
    id: "survey.trust.received",
    version: 1,
    title: "Trust received (coalition-style trust score of a member)",
    unit: "score 1–4",
    formula: "the mean trust score over the trust ratings a member (or a group's members, pooled) received.",
    source: partner,
    returns: "`byMember[id].trustReceived`, `byGroup[attribute][group].trustReceived`; null without such ratings.",
  },
  {
    id: "survey.value.given",
    version: 1,
    title: "Value given",
    unit: "score 1–4",
    formula:
      "a rating's value score is the mean of the value dimensions it gives (influence, involvement, resources); the mean over the value ratings given.",
    source: partner,
    returns: "`byMember[id].valueGiven`, `byGroup[attribute][group].valueGiven`; null without such ratings.",
  },
  {
    id: "survey.value.received",
    version: 1,
    title: "Value received",
    unit: "score 1–4",
    formula: "the mean value score over the value ratings a member (or a group's members, pooled) received.",
    source: partner,
    returns: "`byMember[id].valueReceived`, `byGroup[attribute][group].valueReceived`; null without such ratings.",
  },
  {
    id: "survey.trust.score",
    version: 1,
    title: "Network trust and value scores",
    unit: "score 1–4",
    formula:
      "the mean trust (value) score over every trust (value) rating of the round; `trustShareOfMaximum = trustScore / 4`; the mean of each dimension beside it.",
    source: partner,
    returns:
      "`network` of trustValueReadings: `trustScore`, `valueScore`, their shares of the maximum, counts, `dimensions`.",
  },
  {
    id: "survey.trust.across_within",
    version: 1,
    title: "Trust across versus within groups",
    unit: "score 1–4",
    formula:
      "mean trust (value) score over ratings between members of the same group of `attribute` (within) and of different groups (across); ratings with an end without a value are left out.",
    source: "copgraph's own reading, after PARTNER's scores and Krackhardt & Stern (1988).",
    returns: "`acrossWithin.trustWithin`, `trustAcross`, `valueWithin`, `valueAcross`.",
  },
  {
    id: "survey.trust.ei",
    version: 1,
    title: "E-I index of trust ties",
    unit: "index",
    formula:
      "a trust tie is a rating with trust score ≥ 3; `EI = (E − I) / (E + I)` over trust ties, E across groups of `attribute`, I within.",
    source: "Krackhardt & Stern (1988), on the trust-tie layer.",
    returns: "`acrossWithin.ei`, `internalTrustTies`, `externalTrustTies`; null without trust ties.",
  },
  {
    id: "survey.trust.mutual",
    version: 1,
    title: "Mutual trust",
    unit: "share",
    formula:
      "over pairs in which both answered: a pair is mutual when each rates the other's trust ≥ 3; `value = mutual / (mutual + one-way)`, `shareOfDyads = mutual / pairs`.",
    source: "dyadic reciprocity (Wasserman & Faust 1994, ch. 13) of the trust-tie layer.",
    returns: "`mutualTrust`: `dyads`, `mutualDyads`, `oneWayDyads`, `value`, `shareOfDyads`.",
  },
  {
    id: "survey.reciprocity.reported",
    version: 1,
    title: "Reciprocity on a reported layer",
    unit: "share",
    formula:
      "over dyads in which both answered: `M / (M + A)` of the layer's ties between respondents; edge reciprocity `2M / L` beside it; ties to members who did not answer are counted and left out.",
    source: "Wasserman & Faust (1994) ch. 13, restricted to respondents as missing-data practice requires.",
    returns:
      "reportedReciprocity: `value`, `edge`, `mutualDyads`, `asymmetricDyads`, `dyadsUsed`, `arcsLeftOut`, `responseRate`, `over`.",
  },
  {
    id: "survey.chain.matrices",
    version: 1,
    title: "The chain's dyad matrices",
    unit: "matrix",
    formula:
      "over the respondents: `reversal_ij = 1` when i gave to j and j gave to i at a later instant, `reciprocity_ij = 1` when recorded directed ties run i → j and j → i, both in the 12 calendar months before the round opened; `trust_ij = 1` when i and j each rate the other's trust ≥ 3.",
    source: "copgraph's own definitions (roles.reversal and reciprocity.dyadic per pair).",
    returns: "recordedChainMatrices (`reversal`, `reciprocity`, `window`), mutualTrustMatrix.",
  },
  {
    id: "survey.chain.qap",
    version: 1,
    title: "QAP correlations of the chain",
    unit: "correlation",
    formula:
      "Pearson's r over the n(n − 1) ordered pairs, for reversal–reciprocity, reversal–trust and reciprocity–trust; p-values against r with the second matrix's rows and columns permuted together: `p = (1 + #{|r_π| ≥ |r|}) / (1 + P)`, one-sided beside it.",
    source: "Krackhardt (1987, 1988); as UCINET's QAP correlation and R sna's gcor with qaptest.",
    returns: "chainTest `correlations`: `r`, `p`, `pGreater`, `pLess`, `permutations`.",
  },
  {
    id: "survey.chain.mrqap",
    version: 1,
    title: "MRQAP regression of trust on reversal and reciprocity",
    unit: "coefficient",
    formula:
      "OLS `trust = b0 + b1·reversal + b2·reciprocity` over the ordered pairs; each b tested by double semi-partialling: the predictor's residual on the other predictors is permuted and the t-statistic compared.",
    source:
      "Krackhardt (1988); Dekker, Krackhardt & Snijders (2007); as UCINET's MRQAP (DSP) and R sna's netlm(nullhyp = \"qapspp\").",
    returns:
      "chainTest `regression`: `r2`, `coefficients` (`estimate`, `standardError`, `t`, `p`, `pGreater`, `pLess`), `undefinedBecause` when collinear.",
  },
];
