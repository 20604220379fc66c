import type { LoggedEvent } from "@copgraph/contract";
import {
  type EventType,
  erasureSubjects,
  eventTypes,
  joinPersonalData,
  type PersonalValues,
  personalDataSubject,
  type SplitEvent,
} from "@copgraph/domain";
import type { EventStore } from "@copgraph/event-store";
import { readCommunityLog } from "../read/logged-event.js";
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

  /** Stores the personal values of events about to be appended; resolves once they are durable. */
  keep(communityId: string, events: readonly { readonly id: string; readonly split: SplitEvent }[]): Promise<void> {
    const entries: VaultEntry[] = [];
    for (const { id, split } of events) {
      if (Object.keys(split.personal).length === 0) continue;
      entries.push({ eventId: id, subject: personalDataSubject(split.body), values: split.personal });
    }
    return this.vault.put(communityId, entries);
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
   * Forgets everything personal about members just erased: their own values and the free text of
   * every record they are a party to (found in the log, which keeps who took part).
   */
  async forget(communityId: string, memberIds: readonly string[]): Promise<number> {
    if (memberIds.length === 0) return 0;
    const log = await readCommunityLog(this.store, communityId);
    const subjects = erasureSubjects(
      log.map((event) => ({ type: event.type as EventType, data: event.data })),
      memberIds,
    );
    const forgotten = this.vault.forget(communityId, subjects);
    this.vault.finishErasing(communityId, memberIds);
    return forgotten;
  }

  /**
   * Before appending MemberErased: an erasure cut short by a crash is finished at the next start.
   * (If the append itself never happened, the values are still forgotten: the caller asked for it.)
   */
  beginErasure(communityId: string, memberIds: readonly string[]): void {
    if (memberIds.length > 0) this.vault.markErasing(communityId, memberIds);
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
