import type { Notice } from "@copgraph/contract";
import { readServerEvents } from "../../core/server-events.js";

/**
 * New notices of a community as they are found: the `notice` messages of its `/changes` stream,
 * read through fetch so a signed-in key goes with it. Returns a function that stops listening.
 */
export function followNotices(communityId: string, onNotice: (notice: Notice) => void): () => void {
  return readServerEvents(`/v1/communities/${encodeURIComponent(communityId)}/changes`, ({ type, data }) => {
    if (type === "notice") onNotice(JSON.parse(data) as Notice);
  });
}
