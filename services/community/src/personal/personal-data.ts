import type { LoggedEvent } from "@copgraph/contract";
import {
  type CommunityEvent,
  type EventType,
  erasureSubjects,
  eventTypes,
  joinPersonalData,
  type PersonalValues,
  personalDataSubject,
  ratingFieldOf,
  type SplitEvent,
  surveyStreamPrefixOf,
} from "@copgraph/domain";
import type { EventStore } from "@copgraph/event-store";
import { decodeEvent, readCommunityStream } from "../stream/community-stream.js";
import type { PersonalVault, VaultEntry } from "./personal-vault.js";

const knownTypes: ReadonlySet<string> = new Set(eventTypes);

/**
 * The one door to names and free text. Writers file an event's personal values before the event
 * is appended; readers allowed to see names call `join` (and the `…Of` lookups); a reader that
 * must not see names (a researcher, a pseudonymised export) simply never calls them.
 */
export class PersonalData {
  constructor(
    readonly vault: PersonalVault,
    private readonly store: EventStore,
  ) {}

  /**
   * Files the personal values of events about to be appended; resolves once they are durable, with
   * the ids of the events whose values it filed (to settle or discard once the append's outcome is
   * known). Rejects with PersonalValuesConflictError, filing nothing, when an event id already
   * holds other values.
   */
  keep(communityId: string, events: readonly { readonly id: string; readonly split: SplitEvent }[]): Promise<string[]> {
    const entries: VaultEntry[] = [];
    for (const { id, split } of events) {
      if (Object.keys(split.personal).length === 0) continue;
      entries.push({ eventId: id, subject: personalDataSubject(split.body), values: split.personal });
    }
    return this.vault.put(communityId, entries);
  }

  /**
   * Files the ratings and items of survey answers about to be appended, under their respondents,
   * as `keep` does (unsettled until `settle` or `discard`); resolves with the ids filed.
   */
  keepSurveyAnswers(
    communityId: string,
    answers: readonly { readonly eventId: string; readonly respondent: string; readonly values: PersonalValues }[],
  ): Promise<string[]> {
    const entries: VaultEntry[] = answers
      .filter((answer) => Object.keys(answer.values).length > 0)
      .map(({ eventId, respondent, values }) => ({ eventId, subject: { kind: "respondent", id: respondent }, values }));
    return this.vault.put(communityId, entries);
  }

  /** The ratings and items the vault holds for these survey answers, by event id. */
  surveyAnswerValues(communityId: string, eventIds: readonly string[]): Map<string, PersonalValues> {
    return eventIds.length === 0 ? new Map() : this.vault.valuesOf(communityId, eventIds);
  }

  /** Deletes the ratings and items of these survey answers (a withdrawal). Returns the number of values deleted. */
  forgetSurveyAnswers(communityId: string, eventIds: readonly string[]): number {
    return eventIds.length === 0 ? 0 : this.vault.forgetEvents(communityId, eventIds);
  }

  /** The events with their names and free text put back (erased values show as "(erased)" where required). */
  join(communityId: string, events: readonly LoggedEvent[]): LoggedEvent[] {
    const values = this.vault.valuesOf(
      communityId,
      events.map((event) => event.id),
    );
    return events.map((event) => {
      if (!knownTypes.has(event.type)) return event;
      const body = { type: event.type as EventType, data: event.data };
      return { ...event, data: { ...joinPersonalData(body, values.get(event.id) ?? {}).data } };
    });
  }

  /** The community's description, if it has one. */
  descriptionOf(communityId: string): string | undefined {
    const { description } = this.vault.latestOf(communityId, { kind: "community", id: communityId });
    return description ?? undefined;
  }

  /** A member's current name and organisation (an erased member has none). */
  profileOf(communityId: string, memberId: string): PersonalValues {
    return this.vault.latestOf(communityId, { kind: "member", id: memberId });
  }

  /**
   * Forgets everything personal about members just erased: their own values, the free text of
   * every record they are a party to (found in the log, which keeps who took part), and in every
   * survey round the ratings and items they gave and every rating given about them.
   */
  async forget(communityId: string, memberIds: readonly string[]): Promise<number> {
    if (memberIds.length === 0) return 0;
    const events: CommunityEvent[] = [];
    for await (const page of readCommunityStream(this.store, communityId))
      for (const e of page) events.push(decodeEvent(e));
    const respondents = memberIds.map((id) => ({ kind: "respondent", id }) as const);
    const subjects = [...erasureSubjects(events, memberIds), ...respondents];
    const forgotten =
      this.vault.forget(communityId, subjects) +
      this.vault.forgetFields(communityId, "respondent", memberIds.map(ratingFieldOf));
    this.vault.finishErasing(communityId, memberIds);
    return forgotten;
  }

  /** The appends of these events were stored: the values filed for them stay. */
  settle(communityId: string, eventIds: readonly string[]): void {
    this.vault.settle(communityId, eventIds);
  }

  /** The appends of these events were refused: the values filed for them go. */
  discard(communityId: string, eventIds: readonly string[]): void {
    this.vault.discard(communityId, eventIds);
  }

  /**
   * Before appending MemberErased: an erasure cut short by a crash is finished at the next start
   * (the caller asked for it, whether or not the append got stored).
   */
  beginErasure(communityId: string, memberIds: readonly string[]): void {
    if (memberIds.length > 0) this.vault.markErasing(communityId, memberIds);
  }

  /** The append of MemberErased was refused: the erasure did not happen and is not finished later. */
  cancelErasure(communityId: string, memberIds: readonly string[]): void {
    // The note goes without forgetting anything: nothing was erased.
    if (memberIds.length > 0) this.vault.finishErasing(communityId, memberIds);
  }

  /**
   * At start, before anything is read: settles or discards values a crash left between filing and
   * the append (kept if their event is in the log), then finishes the erasures it cut short.
   */
  async recover(): Promise<{ discarded: number; erased: number }> {
    let discarded = 0;
    for (const [communityId, eventIds] of this.vault.unsettled()) {
      const stored = new Set<string>();
      for await (const page of readCommunityStream(this.store, communityId)) for (const e of page) stored.add(e.id);
      // Survey answers file their ratings and items under the community too, from their rounds' streams.
      for (const { streamId } of await this.store.listStreams(surveyStreamPrefixOf(communityId)))
        for (const e of await this.store.readStream(streamId, { maxCount: 1_000_000 })) stored.add(e.id);
      const refused = eventIds.filter((id) => !stored.has(id));
      this.vault.discard(communityId, refused);
      this.vault.settle(
        communityId,
        eventIds.filter((id) => stored.has(id)),
      );
      discarded += refused.length;
    }
    return { discarded, erased: await this.resumeErasures() };
  }

  /** Finishes the erasures a crash interrupted (at start, before anything is read). Returns how many members. */
  async resumeErasures(): Promise<number> {
    let members = 0;
    for (const [communityId, memberIds] of this.vault.pendingErasures()) {
      await this.forget(communityId, memberIds);
      members += memberIds.length;
    }
    return members;
  }
}
