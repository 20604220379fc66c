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

export const GraphResponse = z
  .object({
    communityId: z.string(),
    query: ResolvedQuery,
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
