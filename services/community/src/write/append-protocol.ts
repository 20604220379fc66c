import { type CommunityEvent, type SplitEvent, splitPersonalData } from "@copgraph/domain";
import { type EventData, IdempotencyConflictError } from "@copgraph/event-store";
import type { PersonalData } from "../personal/personal-data.js";
import { PersonalValuesConflictError } from "../personal/personal-vault.js";
import { streamOf } from "../stream/community-stream.js";
import { toEventData, type WriteMetadata } from "./event-data.js";

/**
 * The one order in which every write path stores decided events (docs/decisions/0003 and 0012):
 *
 * 1. `stage`: personal values are taken out of each event, its body becomes the event data, and
 *    erasures are noted durably (a crash after this finishes them at the next start);
 * 2. `keepStaged`: the values are filed in the vault and durable before any body that needs them
 *    is appended, so an acknowledged event always has its names; an event id that already holds
 *    other values is refused here, so no request rewrites another event's names;
 * 3. the caller appends the event data;
 * 4. `stored` settles the filed values and forgets what erasures asked; or `refused` takes the
 *    filed values back out and cancels the erasures, so a refused write leaves the vault as it was.
 */
export class AppendProtocol {
  private staged: { id: string; split: SplitEvent }[] = [];
  private readonly filed: string[] = [];
  private readonly erased: string[] = [];
  private ended = false;

  constructor(
    private readonly personal: PersonalData,
    readonly communityId: string,
    private readonly metadata: WriteMetadata,
    /** The community had no events: an imported history keeps its own transaction times. */
    private readonly keepRecordedAt = false,
  ) {}

  /**
   * The event data to append for decided events, `ids[i]` their ids (generated where missing),
   * `recordedAts[i]` their original transaction times (kept only into an empty community).
   */
  stage(
    events: readonly CommunityEvent[],
    ids: readonly (string | undefined)[] = [],
    recordedAts: readonly (string | undefined)[] = [],
  ): EventData[] {
    const erased: string[] = [];
    const eventData = events.map((event, index) => {
      const split = splitPersonalData(event);
      const data = toEventData(
        split.body,
        ids[index],
        this.metadata,
        this.keepRecordedAt ? recordedAts[index] : undefined,
      );
      if (hasValues(split.personal)) this.staged.push({ id: data.id, split });
      if (event.type === "MemberErased") erased.push(event.data.memberId);
      return data;
    });
    if (erased.length > 0) {
      this.personal.beginErasure(this.communityId, erased);
      this.erased.push(...erased);
    }
    return eventData;
  }

  /** Events staged whose values are not filed yet. */
  get unfiled(): number {
    return this.staged.length;
  }

  /** Files the values staged so far; must resolve before their events are appended. */
  async keepStaged(): Promise<void> {
    const entries = this.staged;
    this.staged = [];
    try {
      this.filed.push(...(await this.personal.keep(this.communityId, entries)));
    } catch (error) {
      // To every caller this is what the store says of a reused id: stored before with other content.
      if (error instanceof PersonalValuesConflictError) {
        throw new IdempotencyConflictError(streamOf(this.communityId), error.eventId);
      }
      throw error;
    }
  }

  /** Everything staged was stored: the values stay, and erased members' values are forgotten. */
  async stored(): Promise<void> {
    if (this.end()) return;
    this.personal.settle(this.communityId, this.filed);
    // An erasure is acknowledged only once the member's personal values are gone.
    await this.personal.forget(this.communityId, this.erased);
  }

  /** Nothing staged was stored (or all of it was stored before, a retry): the vault is left as it was. */
  refused(): void {
    if (this.end()) return;
    this.personal.discard(this.communityId, this.filed);
    this.personal.cancelErasure(this.communityId, this.erased);
  }

  /** Whether it had ended already. */
  private end(): boolean {
    const ended = this.ended;
    this.ended = true;
    return ended;
  }
}

function hasValues(values: object): boolean {
  for (const _ in values) return true;
  return false;
}
