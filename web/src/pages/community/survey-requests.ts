import type {
  Problem,
  RoundTracking,
  RoundView,
  SurveyChainResponse,
  SurveyReadingsResponse,
} from "@copgraph/contract";
import { ApiError, SIGNED_OUT_EVENT } from "../../core/api.js";
import { session } from "../../core/session.js";

// The facilitator's calls about survey rounds, with the signed-in key, as the shared client makes them.

const rounds = (id: string) => `/v1/communities/${encodeURIComponent(id)}/surveys`;
const round = (id: string, roundId: string) => `${rounds(id)}/${encodeURIComponent(roundId)}`;

async function call(method: string, path: string, body?: unknown): Promise<Response> {
  const response = await fetch(path, {
    method,
    headers: {
      ...session.headers(),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status === 401) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
  if (!response.ok) {
    const type = response.headers.get("content-type") ?? "";
    const problem = type.includes("json") ? ((await response.json()) as Problem) : undefined;
    throw new ApiError(response.status, problem);
  }
  return response;
}

const json = async <T>(response: Promise<Response>) => (await (await response).json()) as T;

export interface OpenRound {
  readonly title: string;
  readonly closesAt: string;
  readonly opensAt?: string;
  /** Member ids asked; left out: every member current at the open date. */
  readonly roster?: string[];
  /** Question ids; left out: the whole catalogue. */
  readonly questions?: string[];
}

export const surveyRequests = {
  list: (id: string) => json<{ rounds: RoundView[] }>(call("GET", rounds(id))),
  open: (id: string, body: OpenRound) => json<RoundView>(call("POST", rounds(id), body)),
  tracking: (id: string, roundId: string) => json<RoundTracking>(call("GET", `${round(id, roundId)}/tracking`)),
  close: (id: string, roundId: string) => json<RoundView>(call("POST", `${round(id, roundId)}/close`)),
  readings: (id: string, roundId: string) =>
    json<SurveyReadingsResponse>(call("GET", `${round(id, roundId)}/readings`)),
  chain: (id: string, roundId: string) => json<SurveyChainResponse>(call("GET", `${round(id, roundId)}/chain`)),
  /** A new link for one member (the old one stops working): shown once. */
  reissue: async (id: string, roundId: string, memberId: string) => {
    const { links } = await json<{ links: { link: string; displayName?: string }[] }>(
      call("POST", `${round(id, roundId)}/links/${encodeURIComponent(memberId)}`),
    );
    return links[0];
  },
  /** The links CSV for a mail merge, as a file to save, and how many links it holds. */
  linksCsv: async (id: string, roundId: string, replace: boolean) => {
    const response = await call("POST", `${round(id, roundId)}/links?format=csv&replace=${replace}`);
    const name = /filename="?([^";]+)"?/.exec(response.headers.get("content-disposition") ?? "")?.[1];
    const blob = await response.blob();
    const rows = (await blob.text()).split(/\r?\n/).filter((line) => line.trim() !== "").length - 1;
    return { blob, name: name ?? `${id}-${roundId}-links.csv`, links: Math.max(0, rows) };
  },
};

/** Saves a file made in memory, as a download. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = name;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
