import { type Problem, type RespondentRound, SURVEY_TOKEN_HEADER } from "@copgraph/contract";
import { ApiError } from "../../core/api.js";
import type { SurveyAnswerBody } from "./answer-draft.js";

// A respondent's calls. The token goes only in a header: never in a URL (where server logs and
// Referers would keep it), and no API key goes with it (a respondent has none).

async function call<T>(token: string, method: string, path: string, body?: unknown): Promise<T | undefined> {
  const response = await fetch(path, {
    method,
    headers: {
      [SURVEY_TOKEN_HEADER]: token,
      accept: "application/json",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    credentials: "omit",
    referrerPolicy: "no-referrer",
  });
  if (!response.ok) {
    const type = response.headers.get("content-type") ?? "";
    const problem = type.includes("json") ? ((await response.json()) as Problem) : undefined;
    const error = new ApiError(response.status, problem);
    Object.assign(error, { retryAfter: Number(response.headers.get("retry-after")) || undefined });
    throw error;
  }
  return response.status === 204 ? undefined : ((await response.json()) as T);
}

export const respondentApi = {
  round: async (token: string) => (await call<RespondentRound>(token, "GET", "/v1/survey")) as RespondentRound,
  save: async (token: string, answer: SurveyAnswerBody) =>
    (await call<{ answeredAt: string }>(token, "PUT", "/v1/survey/answer", answer)) as { answeredAt: string },
  withdraw: (token: string) => call<never>(token, "POST", "/v1/survey/withdraw"),
};

/** Seconds the API asked to wait (429), if it said. */
export const retryAfterOf = (error: unknown): number | undefined =>
  (error as { retryAfter?: number } | undefined)?.retryAfter;
