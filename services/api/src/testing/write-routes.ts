/** A write route of the API with a body it accepts against `seedCommunity` ("town"). */
export interface WriteRoute {
  readonly method: "POST" | "PATCH";
  readonly url: string;
  readonly valid: Record<string, unknown>;
}

/** Every JSON write route (the CSV import takes files and is fuzzed on its own). */
export const jsonWriteRoutes: readonly WriteRoute[] = [
  { method: "POST", url: "/v1/communities", valid: { name: "N", concern: "C" } },
  {
    method: "POST",
    url: "/v1/communities/town/members",
    valid: { displayName: "D", sector: "health", occupationalLayer: "student" },
  },
  { method: "PATCH", url: "/v1/communities/town/members/ana", valid: { organisation: "Org" } },
  { method: "POST", url: "/v1/communities/town/members/ben/leave", valid: { reason: "moved" } },
  { method: "POST", url: "/v1/communities/town/members/cem/erase", valid: { occurredAt: "2026-01-01T00:00:00Z" } },
  { method: "POST", url: "/v1/communities/town/interactions", valid: { kind: "advice", from: "ana", to: ["ben"] } },
  {
    method: "POST",
    url: "/v1/communities/town/gatherings",
    valid: {
      format: "online",
      participants: [
        { memberId: "ana", role: "host" },
        { memberId: "ben", role: "learner" },
      ],
    },
  },
  { method: "POST", url: "/v1/communities/town/retractions", valid: { recordId: "seed-i", reason: "typo" } },
  {
    method: "POST",
    url: "/v1/communities/town/events",
    valid: {
      events: [
        {
          type: "InteractionRecorded",
          data: { kind: "advice", from: "ana", to: ["ben"], interactionId: "x", occurredAt: "2025-05-01T00:00:00Z" },
        },
      ],
    },
  },
  {
    method: "POST",
    url: "/v1/communities/town/surveys",
    valid: { title: "Spring round", closesAt: "2026-07-01T00:00:00Z" },
  },
];
