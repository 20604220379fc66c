// A small community log with names and free text everywhere, as the API would serve it.

import type { StoredEvent } from "@copgraph/analytics";
import type { CommunityEvent } from "@copgraph/domain";
import type { LoggedEvent } from "../logged-event.js";

const DAY = 86_400_000;
const EPOCH = Date.UTC(2025, 0, 1);
export const day = (n: number): number => EPOCH + n * DAY;
export const iso = (n: number): string => new Date(day(n)).toISOString();

/** LoggedEvents for `events`, recorded one hour after they occurred unless given as [event, recordedDay]. */
export function loggedEvents(events: readonly (CommunityEvent | [CommunityEvent, number])[]): LoggedEvent[] {
  return events.map((entry, revision) => {
    const [event, recordedDay] = Array.isArray(entry) ? entry : [entry, undefined];
    const occurredAt = event.data.occurredAt;
    const recordedAt = new Date(
      recordedDay === undefined ? Date.parse(occurredAt) + 3_600_000 : day(recordedDay),
    ).toISOString();
    return {
      id: `0190f5d2-7c1a-7000-8000-${String(revision).padStart(12, "0")}`,
      type: event.type,
      revision,
      position: 1000 + revision * 7,
      occurredAt,
      recordedAt,
      schemaVersion: 1,
      data: structuredClone(event.data) as Record<string, unknown>,
      metadata: { schemaVersion: 1, recordedAt, recordedBy: "staff:grace.hopper", idempotencyKey: "k-1" },
    };
  });
}

/** The stored events analytics reads, from logged ones. */
export function storedEvents(log: readonly LoggedEvent[]): StoredEvent[] {
  return log.map((logged) => ({
    event: { type: logged.type, data: logged.data } as CommunityEvent,
    recordedAt: Date.parse(logged.recordedAt),
    revision: logged.revision,
  }));
}

/** A community whose every personal and free-text field holds a findable string. */
export function sampleCommunity(): CommunityEvent[] {
  return [
    {
      type: "CommunityRegistered",
      data: {
        communityId: "healthy",
        name: "Healthy lifestyle",
        concern: "Healthy food at school",
        description: "Started by Ms. Quirinalis",
        occurredAt: iso(0),
      },
    },
    ...(
      [
        ["ada.lovelace", "Ada Lovelace", "education", "director", "Analytical Engines Ltd"],
        ["bob.marley", "Bob Marley", "health", "professional", "Trenchtown Clinic"],
        ["cyd.charisse", "Cyd Charisse", "business", "student", undefined],
        ["dee.dee", "Dee Dee Ramone", "civil-society", "management", "Forest Hills Club"],
      ] as const
    ).map(
      ([memberId, displayName, sector, occupationalLayer, organisation], i): CommunityEvent => ({
        type: "MemberJoined",
        data: {
          memberId,
          displayName,
          sector,
          occupationalLayer,
          ...(organisation && { organisation }),
          attributes: { region: i % 2 === 0 ? "north" : "south" },
          occurredAt: iso(i),
        },
      }),
    ),
    {
      type: "MemberProfileChanged",
      data: {
        memberId: "ada.lovelace",
        displayName: "Augusta Ada King",
        organisation: "Babbage & Co <R&D>",
        occurredAt: iso(10),
      },
    },
    {
      type: "MemberProfileChanged",
      data: { memberId: "bob.marley", sector: "research", attributes: { region: "east" }, occurredAt: iso(12) },
    },
    {
      type: "InteractionRecorded",
      data: {
        interactionId: "ada-advises-bob",
        kind: "advice",
        from: "ada.lovelace",
        to: ["bob.marley", "cyd.charisse"],
        occurredAt: iso(5),
        topics: ["school lunch"],
        weight: 2,
        notes: "Ada explained the canteen budget to Bob",
      },
    },
    {
      type: "InteractionRecorded",
      data: { interactionId: "i2", kind: "collaboration", from: "bob.marley", to: ["dee.dee"], occurredAt: iso(6) },
    },
    {
      type: "InteractionRecorded",
      data: {
        interactionId: "i3",
        kind: "feedback",
        from: "cyd.charisse",
        to: ["ada.lovelace"],
        occurredAt: iso(7),
        notes: "Cyd's candid remarks",
      },
    },
    {
      type: "GatheringHeld",
      data: {
        gatheringId: "g-lovelace-workshop",
        title: "Workshop at Ada's house",
        place: "12 St James's Square",
        format: "workshop",
        occurredAt: iso(8),
        durationMinutes: 90,
        participants: [
          { memberId: "ada.lovelace", role: "facilitator" },
          { memberId: "bob.marley", role: "learner" },
          { memberId: "dee.dee", role: "participant" },
        ],
        notes: "Dee brought the makerspace kit",
      },
    },
    { type: "RecordRetracted", data: { recordId: "i3", reason: "Cyd asked to remove it", occurredAt: iso(9) } },
    { type: "MemberLeft", data: { memberId: "dee.dee", reason: "Moved to Queens for a job", occurredAt: iso(11) } },
    { type: "MemberErased", data: { memberId: "cyd.charisse", occurredAt: iso(13) } },
  ];
}

/** Every personal or free-text string and every member id of the sample, none of which may leak. */
export const sampleSecrets = [
  "Ms. Quirinalis",
  "Ada Lovelace",
  "Augusta Ada King",
  "Bob Marley",
  "Cyd Charisse",
  "Dee Dee Ramone",
  "Analytical Engines Ltd",
  "Trenchtown Clinic",
  "Forest Hills Club",
  "Babbage",
  "canteen budget",
  "candid remarks",
  "Workshop at Ada",
  "St James",
  "makerspace kit",
  "Cyd asked",
  "Moved to Queens",
  "ada.lovelace",
  "bob.marley",
  "cyd.charisse",
  "dee.dee",
  "ada-advises-bob",
  "g-lovelace-workshop",
  "grace.hopper",
  "lovelace",
  "marley",
];
