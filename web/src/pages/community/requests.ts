import type {
  CommunitySummary,
  GraphResponse,
  IndicatorsResponse,
  MemberList,
  MemberResponse,
  Problem,
  SurveyReadingsResponse,
  TimelineResponse,
} from "@copgraph/contract";
import { ApiError, type QueryParams, SIGNED_OUT_EVENT } from "../../core/api.js";
import { pause, retryDelayMs } from "../../core/retry-after.js";
import { session } from "../../core/session.js";

// The shared client (core/api.ts) takes no AbortSignal; the time slider needs one so that the last
// position wins, so the page reads through these few abortable calls (same paths, same ApiError).

const search = (params: QueryParams) => {
  const entries = Object.entries(params).filter(([, value]) => value !== undefined && value !== null && value !== "");
  return entries.length === 0 ? "" : `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}`;
};

async function get<T>(path: string, signal?: AbortSignal): Promise<T> {
  // The signed-in key goes with every read, as through the shared client.
  const ask = () => fetch(path, { signal, headers: { accept: "application/json", ...session.headers() } });
  let response = await ask();
  // Busy for a moment (too many heavy requests at once, storage busy): ask once more, as told.
  const wait = retryDelayMs(response.status, response.headers.get("retry-after"));
  if (wait !== undefined) {
    await pause(wait, signal);
    response = await ask();
  }
  if (response.status === 401) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
  if (!response.ok) {
    const type = response.headers.get("content-type") ?? "";
    const problem = type.includes("json") ? ((await response.json()) as Problem) : undefined;
    throw new ApiError(response.status, problem);
  }
  return (await response.json()) as T;
}

const base = (id: string) => `/v1/communities/${encodeURIComponent(id)}`;

export const reads = {
  community: (id: string, signal?: AbortSignal) => get<CommunitySummary>(base(id), signal),
  graph: (id: string, query: QueryParams, signal?: AbortSignal) =>
    get<GraphResponse>(`${base(id)}/graph${search(query)}`, signal),
  indicators: (id: string, query: QueryParams, signal?: AbortSignal) =>
    get<IndicatorsResponse>(`${base(id)}/indicators${search(query)}`, signal),
  timeline: (id: string, query: QueryParams, signal?: AbortSignal) =>
    get<TimelineResponse>(`${base(id)}/indicators/timeline${search(query)}`, signal),
  members: (id: string, signal?: AbortSignal) => get<MemberList>(`${base(id)}/members`, signal),
  member: (id: string, memberId: string, query: QueryParams, signal?: AbortSignal) =>
    get<MemberResponse>(`${base(id)}/members/${encodeURIComponent(memberId)}${search(query)}`, signal),
  surveyReadings: (id: string, roundId: string, query: QueryParams, signal?: AbortSignal) =>
    get<SurveyReadingsResponse>(`${base(id)}/surveys/${encodeURIComponent(roundId)}/readings${search(query)}`, signal),
};

/** Hands out one signal at a time: asking for the next aborts the previous, so the last request wins. */
export class Latest {
  private controller: AbortController | undefined;

  next(): AbortSignal {
    this.controller?.abort();
    this.controller = new AbortController();
    return this.controller.signal;
  }

  abort(): void {
    this.controller?.abort();
    this.controller = undefined;
  }
}

export const isAbort = (error: unknown) => error instanceof DOMException && error.name === "AbortError";

/** What to tell people when a read fails: the problem's detail when the API gave one. */
export function problemText(error: unknown): string {
  if (error instanceof ApiError) return error.problem?.detail ?? error.message;
  return error instanceof Error ? error.message : String(error);
}
