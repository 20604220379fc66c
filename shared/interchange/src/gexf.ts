// Dynamic GEXF 1.3 for Gephi's timeline: members with a spell from joining to leaving, attributes
// with a spell per value (profile changes in valid time), and ties with a spell per occurrence.
// Everything is as known at `query.knownAt`; the static values (node attributes, tie weights and
// per-layer weights) are those of the projection at `query.at`.
import { type CommunityHistory, type GraphQuery, projectSnapshot, tieLayers } from "@copgraph/analytics";
import { attributeRuns, type ValueRun } from "./gexf/profile-history.js";
import { tieKey, tieOccurrences } from "./gexf/tie-occurrences.js";
import { escapeXml, xmlAttributes } from "./xml.js";

export interface GexfOptions {
  /** Written to meta/description; default names the query's dates. */
  readonly description?: string;
  readonly creator?: string;
}

interface GexfNode {
  readonly id: string;
  readonly joinedAt: number;
  readonly leftAt?: number;
  readonly runs: Map<string, ValueRun[]>;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Spells are closed intervals (GEXF's default): a value that ends when the next begins ends one
 * millisecond earlier, so two values of one attribute never overlap (Gephi refuses overlaps).
 */
const until = (end: number) => iso(end - 1);

export function toGexf(history: CommunityHistory, query: GraphQuery, options: GexfOptions = {}): string {
  const { graph } = projectSnapshot(history, query);
  const nodes = gexfNodes(history, query);
  const occurrences = tieOccurrences(history, query);
  const nodeAttributes = [...new Set(nodes.flatMap((node) => [...node.runs.keys()]))];
  const edgeLayers = tieLayers.filter((layer) =>
    graph.someEdge((_e, attributes) => attributes.layers[layer] !== undefined),
  );
  const description =
    options.description ??
    `copgraph community graph at ${dateOrOpen(query.at)}, as known at ${dateOrOpen(query.knownAt)}`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta${xmlAttributes({ lastmodifieddate: Number.isFinite(query.knownAt) ? iso(query.knownAt).slice(0, 10) : undefined })}>`,
    `    <creator>${escapeXml(options.creator ?? "copgraph")}</creator>`,
    `    <description>${escapeXml(description)}</description>`,
    "  </meta>",
    '  <graph mode="dynamic" defaultedgetype="directed" timeformat="dateTime" timerepresentation="interval">',
    // One node block only: graphology-gexf reads the last `attributes class="node"` it finds.
    '    <attributes class="node" mode="dynamic">',
    ...nodeAttributes.map((name) => `      <attribute${xmlAttributes({ id: name, title: name, type: "string" })}/>`),
    "    </attributes>",
    '    <attributes class="edge" mode="static">',
    ...edgeLayers.map((layer) => `      <attribute${xmlAttributes({ id: layer, title: layer, type: "double" })}/>`),
    "    </attributes>",
    "    <nodes>",
  ];
  for (const node of nodes) {
    lines.push(`      <node${xmlAttributes({ id: node.id, label: node.id })}>`, "        <attvalues>");
    for (const [name, runs] of node.runs) {
      // Every value has its spell, also one held since joining: readers differ on what a dynamic
      // attribute without a spell means.
      for (const run of runs) {
        const end = run.end === undefined ? undefined : until(run.end);
        lines.push(
          `          <attvalue${xmlAttributes({ for: name, value: run.value, start: iso(run.start), end })}/>`,
        );
      }
    }
    const end = node.leftAt === undefined ? undefined : until(node.leftAt);
    lines.push(
      "        </attvalues>",
      `        <spells><spell${xmlAttributes({ start: iso(node.joinedAt), end })}/></spells>`,
      "      </node>",
    );
  }
  lines.push("    </nodes>", "    <edges>");
  graph.forEachEdge((edge, attributes, source, target) => {
    lines.push(
      `      <edge${xmlAttributes({ id: edge, source, target, weight: attributes.weight })}>`,
      "        <attvalues>",
    );
    for (const layer of edgeLayers) {
      const weight = attributes.layers[layer];
      if (weight !== undefined) lines.push(`          <attvalue${xmlAttributes({ for: layer, value: weight })}/>`);
    }
    lines.push("        </attvalues>", "        <spells>");
    for (const time of occurrences.get(tieKey(source, target)) ?? []) {
      lines.push(`          <spell${xmlAttributes({ start: iso(time), end: iso(time) })}/>`);
    }
    lines.push("        </spells>", "      </edge>");
  });
  lines.push("    </edges>", "  </graph>", "</gexf>", "");
  return lines.join("\n");
}

/**
 * Every member whose join is known at `knownAt` and dated by `at` (the projection's rule), also
 * those who had left by `at`: their spell ends when they left, so the timeline shows them leave.
 */
function gexfNodes(history: CommunityHistory, { at, knownAt }: GraphQuery): GexfNode[] {
  const nodes: GexfNode[] = [];
  for (const ref of history.joins.between(Number.NEGATIVE_INFINITY, at)) {
    const timeline = history.member(ref.memberId);
    if (!timeline || timeline.joinKnownAt(knownAt) !== ref.ordinal) continue;
    const join = timeline.joins[ref.ordinal]!;
    let leftAt: number | undefined;
    for (const leave of timeline.leaves) {
      if (
        leave.occurredAt <= at &&
        leave.recordedAt <= knownAt &&
        (leftAt === undefined || leave.occurredAt < leftAt)
      ) {
        leftAt = Math.max(leave.occurredAt, join.occurredAt + 1);
      }
    }
    nodes.push({
      id: join.memberId,
      joinedAt: join.occurredAt,
      leftAt,
      runs: attributeRuns(timeline, join, at, knownAt),
    });
  }
  return nodes;
}

function dateOrOpen(ms: number): string {
  return Number.isFinite(ms) ? iso(ms) : "any time";
}
