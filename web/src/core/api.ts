import type {
  CommunityList,
  CommunitySummary,
  CompareResponse,
  GraphResponse,
  IndicatorCatalogue,
  IndicatorsResponse,
  MemberList,
  MemberResponse,
  Problem,
  TimelineResponse,
  WriteResult,
} from "@copgraph/contract";
import { followServerEvents } from "./server-events.js";
import { type Me, session } from "./session.js";

/** A failed request, with the API's problem details (each invalid field in `problem.errors`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    super(problem?.detail ?? problem?.title ?? `request failed with ${status}`);
  }
}

export type QueryParams = Record<string, string | number | undefined | null>;

const search = (params: QueryParams = {}) => {
  const entries = Object.entries(params).filter(([, value]) => value !== undefined && value !== null && value !== "");
  return entries.length === 0 ? "" : `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}`;
};

/** Sent when the server refuses the key (401): the app shows the sign-in page. */
export const SIGNED_OUT_EVENT = "copgraph:signed-out";

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { ...init, headers: { ...session.headers(), ...init?.headers } });
  if (response.status === 401) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
  if (!response.ok) {
    const type = response.headers.get("content-type") ?? "";
    const problem = type.includes("json") ? ((await response.json()) as Problem) : undefined;
    throw new ApiError(response.status, problem);
  }
  return (await response.json()) as T;
}

const send = <T>(method: string, path: string, body: unknown) =>
  request<T>(path, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

const community = (id: string) => `/v1/communities/${encodeURIComponent(id)}`;

/** The copgraph API, typed by the shared contract. */
export const api = {
  me: () => request<Me>("/v1/me"),
  communities: () => request<CommunityList>("/v1/communities"),
  community: (id: string) => request<CommunitySummary>(community(id)),
  graph: (id: string, query: QueryParams) => request<GraphResponse>(`${community(id)}/graph${search(query)}`),
  indicators: (id: string, query: QueryParams) =>
    request<IndicatorsResponse>(`${community(id)}/indicators${search(query)}`),
  timeline: (id: string, query: QueryParams) =>
    request<TimelineResponse>(`${community(id)}/indicators/timeline${search(query)}`),
  /** Who is who: names for callers who may see them, pseudonyms for researchers. */
  members: (id: string) => request<MemberList>(`${community(id)}/members`),
  member: (id: string, memberId: string, query: QueryParams) =>
    request<MemberResponse>(`${community(id)}/members/${encodeURIComponent(memberId)}${search(query)}`),
  /** What every indicator measures: read it through indicatorDescriptions(), which asks once. */
  indicatorCatalogue: () => request<IndicatorCatalogue>("/v1/indicators"),
  compare: (ids: readonly string[], query: QueryParams) =>
    request<CompareResponse>(`/v1/compare${search({ ...query, communities: ids.join(",") })}`),
  joinMember: (id: string, body: unknown) => send<WriteResult>("POST", `${community(id)}/members`, body),
  changeMember: (id: string, memberId: string, body: unknown) =>
    send<WriteResult>("PATCH", `${community(id)}/members/${encodeURIComponent(memberId)}`, body),
  recordInteraction: (id: string, body: unknown) => send<WriteResult>("POST", `${community(id)}/interactions`, body),
  recordGathering: (id: string, body: unknown) => send<WriteResult>("POST", `${community(id)}/gatherings`, body),
  retract: (id: string, body: unknown) => send<WriteResult>("POST", `${community(id)}/retractions`, body),
  importCsv: (id: string, kind: string, file: Blob, dryRun: boolean) =>
    request<WriteResult | { dryRun: true; events: number; rows: number }>(
      `${community(id)}/imports/csv${search({ kind, dryRun: dryRun ? "true" : "false" })}`,
      { method: "POST", headers: { "content-type": "text/csv" }, body: file },
    ),
  /** URLs for downloads and live updates. */
  urls: {
    export: (id: string, format: string, query: QueryParams = {}) =>
      `${community(id)}/export${search({ ...query, format })}`,
    graphFile: (id: string, format: "gexf" | "graphml", query: QueryParams = {}) =>
      `${community(id)}/graph${search({ ...query, format })}`,
    csvTemplate: (kind: string) => `/v1/imports/csv/${kind}/template`,
    changes: (id: string) => `${community(id)}/changes`,
  },
};

/** Follows a community's log: calls `onChange` with the new revision each time it grows. */
export function followChanges(id: string, onChange: (revision: number) => void): () => void {
  // Through the page's one stream of this community (shared with notices and surveys), with the key
  // when there is one: a second connection per page ran a browser out of its six per server.
  return followServerEvents(api.urls.changes(id), ({ type, data }) => {
    if (type === "change") onChange(JSON.parse(data).revision);
  });
}
