import { followServerEvents } from "../../core/server-events.js";

export interface SurveyMessage {
  readonly roundId: string;
  readonly type: string;
}

/**
 * The `survey` messages of a community's `/changes` stream (an answer arrived or was withdrawn,
 * never whose), with the signed-in key, on the page's one connection to that stream. Reconnects
 * when the stream drops while the page is open; `onReady` runs each time it (re)connects, to catch
 * up on what it may have missed. Returns a function that stops listening.
 */
export function followSurveys(
  communityId: string,
  onMessage: (message: SurveyMessage) => void,
  onReady?: () => void,
): () => void {
  return followServerEvents(`/v1/communities/${encodeURIComponent(communityId)}/changes`, ({ type, data }) => {
    if (type === "survey") onMessage(JSON.parse(data) as SurveyMessage);
    if (type === "ready") onReady?.();
  });
}
