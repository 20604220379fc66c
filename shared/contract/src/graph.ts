import { z } from "zod";
import { ResolvedQuery } from "./graph-query.js";

const Value = z.number().nullable();

export const GraphNode = z.object({
  id: z.string(),
  attributes: z.record(z.string(), z.string()),
  indicators: z.record(z.string(), Value).meta({ description: "Per-member indicator values, by indicator id" }),
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
    member: GraphNode,
    ego: z.object({ nodes: z.array(GraphNode), ties: z.array(GraphTie) }),
  })
  .meta({ id: "MemberResponse" });
export type MemberResponse = z.infer<typeof MemberResponse>;
