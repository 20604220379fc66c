import { demoCommunities } from "@copgraph/simulator";

/** Records the demo communities (two years each, ending now) through the batch endpoint; their ids. */
export async function recordDemoCommunities(baseUrl: string): Promise<string[]> {
  const demos = demoCommunities(Date.now());
  for (const demo of demos) {
    const response = await fetch(`${baseUrl}/v1/communities/${demo.communityId}/events`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        events: demo.recorded.map(({ event: { type, data }, recordedAt }) => ({
          type,
          data,
          recordedAt: new Date(recordedAt).toISOString(),
        })),
      }),
    });
    if (response.status !== 201) throw new Error(`recording ${demo.communityId}: ${await response.text()}`);
  }
  return demos.map((demo) => demo.communityId);
}
