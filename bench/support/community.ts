import { memberJoinedEvents } from "./events.js";
import { postOk } from "./http-client.js";

/**
 * Registers community `communityId` (two days ago) and its 50 members (one day ago) through the
 * API: POST /v1/communities, then one POST /v1/communities/{id}/events batch of MemberJoined.
 */
export async function seedCommunity(baseUrl: string, communityId: string): Promise<void> {
  const day = 24 * 60 * 60 * 1000;
  await postOk(baseUrl, "/v1/communities", {
    communityId,
    name: `Bench ${communityId}`,
    concern: "Teaching with makerspaces",
    occurredAt: new Date(Date.now() - 2 * day).toISOString(),
  });
  await postOk(baseUrl, `/v1/communities/${communityId}/events`, {
    events: memberJoinedEvents(new Date(Date.now() - day).toISOString()),
  });
}
