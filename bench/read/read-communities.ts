// The communities the read benchmark loads: one of realistic size from the simulator (a few
// hundred members, tens of thousands of events over two years) and one demo community.
import { demoCommunities, simulateCommunity } from "@copgraph/simulator";
import { postOk } from "../support/http-client.js";

const DAY = 24 * 60 * 60 * 1000;
/** The batch endpoint's most events per request. */
const BATCH = 10_000;

export interface ReadCommunity {
  readonly label: string;
  readonly communityId: string;
  readonly events: readonly { type: string; data: unknown }[];
  readonly members: number;
}

/** Both communities, their histories ending a day before `now`. Seeded: every run loads the same events. */
export function readCommunities(now: number): ReadCommunity[] {
  const realistic = simulateCommunity({
    communityId: "benchread",
    seed: 7,
    start: now - 2 * 365 * DAY,
    end: now - DAY,
    initialMembers: 200,
    growth: 6,
    churn: 0.01,
    interactionsPerMemberPerMonth: 5,
    gatheringsPerMonth: 12,
  });
  const demo = demoCommunities(now).find((community) => community.communityId === "healthyschools");
  if (!demo) throw new Error("the demo community 'healthyschools' is gone from the simulator");
  const joined = (events: readonly { type: string }[]) =>
    events.filter((event) => event.type === "MemberJoined").length;
  return [
    { label: "realistic", communityId: "benchread", events: realistic.events, members: joined(realistic.events) },
    { label: "demo", communityId: demo.communityId, events: demo.events, members: joined(demo.events) },
  ];
}

/** Stores a community's history through the batch endpoint, 10,000 events per request. */
export async function storeCommunity(baseUrl: string, community: ReadCommunity): Promise<void> {
  for (let i = 0; i < community.events.length; i += BATCH) {
    await postOk(baseUrl, `/v1/communities/${community.communityId}/events`, {
      events: community.events.slice(i, i + BATCH),
    });
  }
}
