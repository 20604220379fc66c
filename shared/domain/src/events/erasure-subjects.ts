// What erasing a member forgets (docs/decisions/0003-personal-data.md): the member's own personal
// values (name, organisation, reasons for leaving) and the free text of every record they are a
// party to (notes of interactions they gave or received; title, place and notes of gatherings
// they took part in; the reasons those records were retracted). Free text may name any party.
import type { CommunityEvent } from "./community-event.js";
import type { PersonalDataSubject, StoredBody } from "./personal-data-split.js";

/** The record an interaction or gathering event creates, with the members it involves; undefined for other events. */
export function recordParties(event: CommunityEvent | StoredBody): { recordId: string; members: string[] } | undefined {
  const data = event.data as Record<string, unknown>;
  if (event.type === "InteractionRecorded") {
    const to = Array.isArray(data.to) ? data.to.map(String) : [];
    return { recordId: String(data.interactionId), members: [String(data.from), ...to] };
  }
  if (event.type === "GatheringHeld") {
    const participants = Array.isArray(data.participants) ? (data.participants as { memberId: unknown }[]) : [];
    return { recordId: String(data.gatheringId), members: participants.map((p) => String(p.memberId)) };
  }
  return undefined;
}

/** The subjects whose personal values erasing `memberIds` forgets, given the community's events in any order. */
export function erasureSubjects(
  events: Iterable<CommunityEvent | StoredBody>,
  memberIds: Iterable<string>,
): PersonalDataSubject[] {
  const erased = new Set(memberIds);
  const subjects: PersonalDataSubject[] = [...erased].map((id) => ({ kind: "member", id }));
  const records = new Set<string>();
  for (const event of events) {
    const parties = recordParties(event);
    if (parties && !records.has(parties.recordId) && parties.members.some((member) => erased.has(member))) {
      records.add(parties.recordId);
      subjects.push({ kind: "record", id: parties.recordId });
    }
  }
  return subjects;
}
