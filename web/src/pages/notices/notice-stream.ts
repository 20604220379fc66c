import type { Notice } from "@copgraph/contract";
import { followServerEvents } from "../../core/server-events.js";

/**
 * New notices of a community as they are found: the `notice` messages of its `/changes` stream,
 * read through fetch so a signed-in key goes with it, on the page's one connection to that stream.
 * Returns a function that stops listening.
 */
export function followNotices(communityId: string, onNotice: (notice: Notice) => void): () => void {
  return followServerEvents(`/v1/communities/${encodeURIComponent(communityId)}/changes`, ({ type, data }) => {
    if (type === "notice") onNotice(JSON.parse(data) as Notice);
  });
}
