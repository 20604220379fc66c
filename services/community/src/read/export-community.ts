import { CommunityHistory, computeIndicators, projectSnapshot, type StoredEvent } from "@copgraph/analytics";
import type { GraphQueryParams, IndicatorsResponse, LoggedEvent } from "@copgraph/contract";
import { indicatorsCsv, MIN_EXPORT_KEY_LENGTH, pseudonymise, toGexf, toGraphml, toNdjson } from "@copgraph/interchange";
import { decodeEvent } from "../stream/community-stream.js";
import { resolveQuery } from "./resolve-query.js";

export const exportFormats = ["ndjson", "research", "gexf", "graphml", "indicators-csv"] as const;
export type ExportFormat = (typeof exportFormats)[number];

const kinds: Record<ExportFormat, { type: string; extension: string }> = {
  ndjson: { type: "application/x-ndjson", extension: "ndjson" },
  research: { type: "application/x-ndjson", extension: "research.ndjson" },
  gexf: { type: "application/gexf+xml", extension: "gexf" },
  graphml: { type: "application/graphml+xml", extension: "graphml" },
  "indicators-csv": { type: "text/csv", extension: "indicators.csv" },
};

export class ExportKeyError extends Error {}

export interface ExportInput {
  readonly communityId: string;
  /** The community's whole log, in revision order. */
  readonly events: readonly LoggedEvent[];
  readonly query: GraphQueryParams;
  /** Research exports: the key that makes pseudonyms stable for one export recipient. */
  readonly key?: string;
  /**
   * Puts names and free text back into the events (from the vault). Only the NDJSON log uses it;
   * without it that log has none, and every other format is computed from the log as stored.
   */
  readonly withNames?: (events: readonly LoggedEvent[]) => LoggedEvent[];
  readonly now: Date;
}

/** Replays a log into its bitemporal history (transaction time from each event's recordedAt). */
export function historyOf(events: readonly LoggedEvent[]): CommunityHistory {
  return CommunityHistory.fromEvents(
    events.map(
      (event): StoredEvent => ({
        event: decodeEvent(event),
        recordedAt: Date.parse(event.recordedAt),
        revision: event.revision,
      }),
    ),
  );
}

/** The indicators of a log for a query, as the API answers them. */
export function indicatorsOf(input: Omit<ExportInput, "key">, ids?: readonly string[]): IndicatorsResponse {
  const revision = input.events.at(-1)?.revision ?? -1;
  const history = historyOf(input.events);
  const { graphQuery, options, resolved } = resolveQuery(input.query, input.now, revision, history);
  const snapshot = projectSnapshot(history, graphQuery);
  return { communityId: input.communityId, query: resolved, indicators: computeIndicators(snapshot, options, ids) };
}

/** One community exported in a researcher's format; `research` is pseudonymised and has no free text. */
export function exportCommunity(format: ExportFormat, input: ExportInput) {
  const { type, extension } = kinds[format];
  const file = `${input.communityId}.${extension}`;
  if (format === "ndjson") return { type, file, body: toNdjson(input.withNames?.(input.events) ?? input.events) };
  if (format === "research") {
    if (!input.key || input.key.length < MIN_EXPORT_KEY_LENGTH) {
      throw new ExportKeyError(`a research export needs a key of at least ${MIN_EXPORT_KEY_LENGTH} characters`);
    }
    return { type, file, body: toNdjson(pseudonymise(input.events, input.key)) };
  }
  if (format === "indicators-csv") return { type, file, body: indicatorsCsv(indicatorsOf(input)) };
  const revision = input.events.at(-1)?.revision ?? -1;
  const history = historyOf(input.events);
  const { graphQuery, resolved } = resolveQuery(input.query, input.now, revision, history);
  if (format === "gexf")
    return { type, file, body: toGexf(history, graphQuery, { description: `copgraph ${input.communityId}` }) };
  const { graph } = projectSnapshot(history, graphQuery);
  const attributes = Object.fromEntries(
    Object.entries(resolved).map(([key, value]) => [
      key,
      typeof value === "number" ? value : Array.isArray(value) ? value.join(",") : String(value ?? ""),
    ]),
  );
  return { type, file, body: toGraphml(graph, { id: input.communityId, attributes }) };
}
