// What the decider needs to know about a community, and nothing more: who is a member when,
// which record ids are taken. Profiles, names and ties live in projections, not here.

export interface MemberState {
  /** Valid time, epoch ms. */
  readonly joinedAt: number;
  readonly leftAt: number | null;
  readonly erased: boolean;
  /** Custom attribute keys currently set, to bound their number per member. */
  readonly attributeKeys: ReadonlySet<string>;
}

export type RecordKind = "interaction" | "gathering";

export interface RecordState {
  readonly kind: RecordKind;
  readonly retracted: boolean;
  /** Members the record is about: free text about it is refused once one of them is erased. */
  readonly parties: readonly string[];
}

/** The Map operations the decider and evolve use, so a batch can run on an overlay of the state. */
export interface StateMap<V> {
  get(key: string): V | undefined;
  has(key: string): boolean;
  set(key: string, value: V): unknown;
}

/** State shape shared by the real state and a batch's working copy. */
export interface StateView {
  registered: boolean;
  communityId: string | null;
  /** Valid time of CommunityRegistered, epoch ms. */
  registeredAt: number | null;
  readonly members: StateMap<MemberState>;
  readonly records: StateMap<RecordState>;
  eventCount: number;
}

/**
 * Mutable by design: `evolve` updates it in place, O(1) per event, because a community can hold
 * a million events. Member and record entries are replaced, never mutated, so an overlay over
 * this state (see decideBatch) never sees a change it did not make.
 */
export interface CommunityState extends StateView {
  readonly members: Map<string, MemberState>;
  readonly records: Map<string, RecordState>;
}

export function initialState(): CommunityState {
  return {
    registered: false,
    communityId: null,
    registeredAt: null,
    members: new Map(),
    records: new Map(),
    eventCount: 0,
  };
}

/** Active at valid time `at`: joined by then, not yet left, not erased. */
export function isActiveAt(member: MemberState, at: number): boolean {
  return !member.erased && member.joinedAt <= at && (member.leftAt === null || at < member.leftAt);
}
