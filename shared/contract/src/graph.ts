import { z } from "zod";
import { IndicatorSelection, ResolvedQuery } from "./graph-query.js";

const Value = z.number().nullable();

const MemberValues = z.record(z.string(), Value);

export const GraphNode = z.object({
  id: z.string(),
  attributes: z.record(z.string(), z.string()),
  indicators: MemberValues.optional().meta({
    description: "The member's values of the indicators asked with `indicators`, by indicator id (none by default)",
  }),
});

/** A node of a member's view: with every per-member indicator value. */
export const MemberNode = GraphNode.extend({
  indicators: MemberValues.meta({ description: "Per-member indicator values, by indicator id" }),
});

export const GraphTie = z.object({
  source: z.string(),
  target: z.string(),
  weight: z.number(),
  layers: z.record(z.string(), z.number()),
});

/** The published filter behind `backbone`, cited wherever it is named. */
export const BACKBONE_SOURCE =
  "Serrano, Boguñá & Vespignani, Extracting the multiscale backbone of complex weighted networks, PNAS 106(16):6483–6488 (2009)";

const backboneLevel = "the significance level α of the disparity filter";

/** A view of the graph with only its backbone's ties (JSON only: a download carries every tie). */
export const GraphBackbone = z.object({
  backbone: z.coerce
    .number({ error: `must be a number more than 0 and at most 1, ${backboneLevel} (e.g. 0.2)` })
    .gt(0, `must be more than 0 (and at most 1): ${backboneLevel}`)
    .max(1, `must be at most 1 (and more than 0): ${backboneLevel}`)
    .optional()
    .meta({
      description: `Keep only the backbone's ties: the disparity filter (${BACKBONE_SOURCE}) at this level α, 0 < α ≤ 1 (e.g. 0.2; smaller keeps fewer); any other value is refused with 400 naming the limit. A tie i → j stays when it is significant (α_ij = (1 − w/s)^(k − 1) < α) for i's outgoing ties or for j's incoming ties, or when it is i's only outgoing or j's only incoming tie. Every member stays a node; the answer's \`backbone\` says how many ties were kept. JSON only`,
    }),
});

/** What `backbone` applied, with the answer. */
export const BackboneApplied = z
  .object({
    filter: z.literal("disparity").meta({ description: `The disparity filter (${BACKBONE_SOURCE})` }),
    alpha: z.number().meta({ description: "The significance level asked" }),
    keptTies: z.number().int().meta({ description: "Ties in the answer: the backbone's" }),
    allTies: z.number().int().meta({ description: "Ties of the graph before the filter (after the query's own)" }),
    source: z.string(),
  })
  .meta({ id: "BackboneApplied" });
export type BackboneApplied = z.infer<typeof BackboneApplied>;

/** The survey round whose reported ties the graph draws, when `layers` names reported layers. */
export const ReportedLayersApplied = z
  .object({
    layers: z.array(z.string()).meta({ description: "The reported layers asked" }),
    round: z
      .object({
        roundId: z.string(),
        title: z.string().optional().meta({ description: "The round's title (left out for researchers)" }),
        opensAt: z.string(),
        endedAt: z.string().meta({ description: "When its answers ended: its close date, or its earlier closing" }),
        asked: z.number().int().meta({ description: "Members on its roster" }),
        answered: z.number().int().meta({ description: "Members whose answer counts (not withdrawn)" }),
        responseRate: z.number().meta({ description: "answered / asked" }),
      })
      .nullable()
      .meta({ description: "The round in effect at `at`; null when no round had ended by then" }),
    tiesDrawn: z.number().int().meta({ description: "Reported ties in the answer's `ties`" }),
    tiesLeftOut: z
      .number()
      .int()
      .meta({ description: "Reported ties from or to someone who is not a member at `at` (left, or not known then)" }),
    statement: z.string().meta({ description: "What the reported ties are, with the response rate, in a sentence" }),
  })
  .meta({ id: "ReportedLayersApplied" });
export type ReportedLayersApplied = z.infer<typeof ReportedLayersApplied>;

export const GraphResponse = z
  .object({
    communityId: z.string(),
    query: ResolvedQuery,
    backbone: BackboneApplied.optional().meta({ description: "Present when `backbone` was asked" }),
    reported: ReportedLayersApplied.optional().meta({ description: "Present when `layers` names reported layers" }),
    nodes: z.array(GraphNode),
    ties: z.array(GraphTie),
  })
  .meta({ id: "GraphResponse" });
export type GraphResponse = z.infer<typeof GraphResponse>;

/** The per-member values a graph's nodes carry: only those asked, so a graph is not held up by every indicator. */
export const NodeIndicatorSelection = z.object({
  indicators: IndicatorSelection.shape.indicators.meta({
    description:
      "Indicator ids whose per-member values the nodes carry, comma-separated (default none; the full set per member comes from the member view or from indicators?details=members)",
  }),
});

export const GraphFormat = z.object({
  format: z
    .enum(["json", "gexf", "graphml"])
    .default("json")
    .meta({ description: "json, or a download for Gephi and other tools" }),
});

export const MemberResponse = z
  .object({
    communityId: z.string(),
    query: ResolvedQuery,
    member: MemberNode,
    ego: z.object({ nodes: z.array(MemberNode), ties: z.array(GraphTie) }),
  })
  .meta({ id: "MemberResponse" });
export type MemberResponse = z.infer<typeof MemberResponse>;
