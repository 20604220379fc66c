import { reportedLayers, tieLayers } from "@copgraph/domain";
import { z } from "zod";
import { durationMs, parseDuration } from "./duration.js";

const dateTime = z.iso.datetime({ offset: true });

/**
 * The caps on what one query may make the server compute, each refused with 400 naming it.
 * Periods: the activity indicators count per period of 30 days (their default, which the API
 * uses) from the window's start (or the community's first fact) to `at`; a far `at` would make
 * one entry per empty month across millennia.
 */
export const queryCaps = { permutations: 10_000, periods: 2_400, periodDays: 30 } as const;

const periodsCapText = `${queryCaps.periods} periods of ${queryCaps.periodDays} days (about ${Math.floor((queryCaps.periods * queryCaps.periodDays) / 365.25)} years)`;
/** Said with `at`, `from` and `window`: the cap on the span they make. */
const spanCap = `From the window's start (or the community's first event) to \`at\`: at most ${periodsCapText}; a longer span is refused with 400 naming the limit`;

/**
 * A duration a query can compute with: longer than zero (a zero half-life or step means
 * nothing) and with parts that are numbers (not hundreds of digits). A long one is fine: a
 * window reaching before the community's first event starts at that event.
 */
export const QueryDuration = z.string().superRefine((text, context) => {
  const duration = parseDuration(text);
  const length = duration === undefined ? Number.NaN : durationMs(duration);
  if (duration === undefined)
    context.addIssue({ code: "custom", message: "must be an ISO 8601 duration such as P90D, P6M or PT12H" });
  else if (!Number.isFinite(length)) context.addIssue({ code: "custom", message: "is too long to be a number" });
  else if (length <= 0) context.addIssue({ code: "custom", message: "must be longer than zero" });
});
const commaList = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((text) =>
      text
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1));

/** The layers of survey name generators, which the graph draws beside the recorded ones. */
export { reportedLayers };

/** A recorded tie layer; a reported layer's name gets a sentence saying where it is read. */
const RecordedLayer = z.enum(tieLayers, {
  error: (issue) =>
    typeof issue.input === "string" && reportedLayers.includes(issue.input)
      ? `${issue.input} is a layer reported in a survey round: the graph draws it (GET …/graph?layers=${issue.input}), a round's indicators on it are at GET …/surveys/{roundId}/indicators`
      : `must be a tie layer: ${tieLayers.join(", ")}`,
});

/** A layer the graph can draw: recorded, or reported in the survey round in effect at `at`. */
const GraphLayer = z.enum([...tieLayers, ...reportedLayers] as [string, ...string[]], {
  error: () => `must be a tie layer (${tieLayers.join(", ")}) or a reported one (${reportedLayers.join(", ")})`,
});

/** The graph's `layers`: recorded and reported ones (the other reads take recorded layers only). */
export const GraphLayers = z.object({
  layers: commaList(GraphLayer)
    .optional()
    .meta({
      description: `Tie layers, comma-separated (default every recorded layer). Recorded: ${tieLayers.join(", ")}. Reported in a survey round: ${reportedLayers.join(", ")}; those ties come from the round in effect at \`at\` (the last one whose answers had ended by then, as known at \`knownAt\`), point from the respondent to the member named, weigh 1 per layer, and are not windowed, faded or filtered by minWeight (a survey answer has no date of its own); the answer's \`reported\` says which round and its response rate`,
    }),
});

/** The fields of the query every read of the graph and its indicators takes. */
export const GraphQueryFields = z.object({
  at: dateTime.optional().meta({ description: `Valid time: what had happened by then (default now). ${spanCap}` }),
  knownAt: dateTime
    .optional()
    .meta({ description: "Transaction time: what copgraph had been told by then (default now)" }),
  from: dateTime.optional().meta({
    description: `Count only what happened from this date on; a date before the community's first event counts from that event. ${spanCap}`,
  }),
  window: QueryDuration.optional().meta({
    description: `Count only what happened in this duration before \`at\`, e.g. P90D; one reaching before the community's first event starts at that event. ${spanCap}`,
  }),
  halfLife: QueryDuration.optional().meta({
    description:
      "Weight ties by exponential decay with this half-life, e.g. P30D (any length: it sets weights, not sizes)",
  }),
  layers: commaList(RecordedLayer)
    .optional()
    .meta({ description: `Tie layers, comma-separated (default all): ${tieLayers.join(", ")}` }),
  attribute: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_.]{0,63}$/, "must be an attribute name such as sector or office")
    // Organisation is personal data kept out of the log (erasable), so no graph holds it.
    .refine((name) => name !== "organisation", {
      message:
        "organisation is personal data kept outside the event log; to group by it, record it as a custom attribute",
    })
    .optional()
    .meta({
      description:
        "Attribute that defines groups (default sector): sector, occupationalLayer, learningEnvironment or a custom attribute",
    }),
  minWeight: z.coerce
    .number()
    .min(0)
    .finite()
    .optional()
    .meta({ description: "Leave out lighter ties (a finite number ≥ 0; it only removes ties)" }),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional()
    .meta({ description: "Seed of permutation tests, Louvain and sampled estimates (default 1), 0 to 2147483647" }),
  permutations: z.coerce
    .number()
    .int()
    .min(0)
    .max(queryCaps.permutations, `must be at most ${queryCaps.permutations}, the cap on permutations`)
    .optional()
    .meta({
      description: `Permutations for p-values (default 1000); at most ${queryCaps.permutations}, more is refused with 400 naming the limit`,
    }),
  exact: z
    .enum(["true", "false"])
    .transform((text) => text === "true")
    .optional()
    .meta({
      description:
        "true: exact values even where an indicator would estimate them on a large community (network.betweenness past N·(N + M) = 3·10⁸, estimated within ε = 0.02 at δ = 0.05); it may then take longer than the time budget. Default false. An estimated value says so in its details (mode, epsilon, delta, samples)",
    }),
});

type QueryFields = z.infer<typeof GraphQueryFields>;

/** The rules across fields, added to the query fields (and any fields a route adds to them). */
export const withGraphQueryRules = <T extends z.ZodType<Pick<QueryFields, "at" | "from" | "window" | "halfLife">>>(
  schema: T,
) =>
  schema
    .refine((q) => [q.from, q.window, q.halfLife].filter((x) => x !== undefined).length <= 1, {
      message: "give at most one of from, window and halfLife",
      path: ["from"],
    })
    .refine((q) => q.from === undefined || q.at === undefined || Date.parse(q.from) <= Date.parse(q.at), {
      message: "from must not be after at",
      path: ["from"],
    });

export const GraphQueryParams = withGraphQueryRules(GraphQueryFields);
export type GraphQueryParams = z.infer<typeof GraphQueryParams>;

export const IndicatorSelection = z.object({
  indicators: commaList(z.string().regex(/^[a-z]+\.[a-z_]+$/))
    .optional()
    .meta({ description: "Indicator ids, comma-separated (default all)" }),
});

/** The resolved query, echoed with every result so that a number can be reproduced. */
export const ResolvedQuery = z
  .object({
    at: z.string(),
    knownAt: z.string(),
    from: z.string().nullable(),
    halfLife: z.string().nullable(),
    layers: z.array(z.string()),
    attribute: z.string(),
    minWeight: z.number(),
    seed: z.number().int(),
    permutations: z.number().int(),
    exact: z.boolean().meta({
      description: "Whether exact values were asked (`exact=true`); an indicator that estimated says so in its details",
    }),
    revision: z.number().int().meta({
      description: "The community revision known at knownAt, which the result was computed from (-1: none yet)",
    }),
  })
  .meta({ id: "ResolvedQuery" });
export type ResolvedQuery = z.infer<typeof ResolvedQuery>;
