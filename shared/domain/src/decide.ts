// The decider: checks a command against the state and says which events it produces.
// Pure: no I/O, and time comes in through `context.now`, never from a clock.
import type { Command, CommandOf } from "./commands.js";
import { DomainError } from "./errors.js";
import type { CommunityEvent } from "./events/community-event.js";
import { MAX_ATTRIBUTES } from "./events/fields.js";
import type { IssuePath } from "./issues.js";
import { type CommunityState, isActiveAt, type MemberState, type StateView } from "./state.js";

export interface DecideContext {
  /** The caller's clock, read once per request. */
  readonly now: Date;
}

/** How far `occurredAt` may lie ahead of `now`: clocks of the devices that log differ. */
export const ALLOWED_CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * Decides one command. Expects data that passed the command's schema (see parseCommand);
 * throws DomainError when a rule of the community refuses it.
 */
export function decide(state: CommunityState, command: Command, context: DecideContext): CommunityEvent[] {
  return decideOn(state, command, context);
}

export function decideOn(state: StateView, command: Command, context: DecideContext): CommunityEvent[] {
  if (command.type === "RegisterCommunity") {
    if (state.registered) {
      throw new DomainError(
        "community_already_registered",
        `community ${state.communityId ?? ""} is already registered`,
        ["communityId"],
      );
    }
  } else if (!state.registered) {
    throw new DomainError("community_not_registered", "the community is not registered", []);
  }

  const at = Date.parse(command.data.occurredAt);
  const latest = context.now.getTime() + ALLOWED_CLOCK_SKEW_MS;
  if (at > latest) {
    throw new DomainError(
      "future_occurred_at",
      `occurredAt ${command.data.occurredAt} is later than now (${context.now.toISOString()}) plus the allowed clock skew`,
      ["occurredAt"],
    );
  }

  switch (command.type) {
    case "RegisterCommunity":
      return [{ type: "CommunityRegistered", data: command.data }];
    case "JoinMember":
      return joinMember(state, command);
    case "ChangeMemberProfile":
      return changeMemberProfile(state, command, at);
    case "LeaveCommunity":
      return leaveCommunity(state, command, at);
    case "RecordInteraction":
      return recordInteraction(state, command, at);
    case "RecordGathering":
      return recordGathering(state, command, at);
    case "RetractRecord":
      return retractRecord(state, command);
    case "EraseMember":
      return eraseMember(state, command);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

function joinMember(state: StateView, { data }: CommandOf<"JoinMember">): CommunityEvent[] {
  if (state.members.has(data.memberId)) {
    throw new DomainError("member_already_joined", `member ${data.memberId} has already joined`, ["memberId"]);
  }
  return [{ type: "MemberJoined", data }];
}

function changeMemberProfile(
  state: StateView,
  { data }: CommandOf<"ChangeMemberProfile">,
  at: number,
): CommunityEvent[] {
  const member = activeMember(state, data.memberId, at, ["memberId"]);
  if (data.attributes) {
    let count = member.attributeKeys.size;
    for (const [key, value] of Object.entries(data.attributes)) {
      const has = member.attributeKeys.has(key);
      if (value === null && has) count -= 1;
      else if (value !== null && !has) count += 1;
    }
    if (count > MAX_ATTRIBUTES) {
      throw new DomainError(
        "too_many_attributes",
        `member ${data.memberId} would have ${count} attributes; at most ${MAX_ATTRIBUTES}`,
        ["attributes"],
      );
    }
  }
  return [{ type: "MemberProfileChanged", data }];
}

function leaveCommunity(state: StateView, { data }: CommandOf<"LeaveCommunity">, at: number): CommunityEvent[] {
  const member = knownMember(state, data.memberId, ["memberId"]);
  if (member.erased) {
    throw new DomainError("member_not_active", `member ${data.memberId} was erased`, ["memberId"]);
  }
  if (member.leftAt !== null) {
    throw new DomainError("member_already_left", `member ${data.memberId} has already left`, ["memberId"]);
  }
  if (at < member.joinedAt) {
    throw new DomainError("member_not_active", `member ${data.memberId} ${notJoinedYet(member, at)}`, ["memberId"]);
  }
  return [{ type: "MemberLeft", data }];
}

function recordInteraction(state: StateView, { data }: CommandOf<"RecordInteraction">, at: number): CommunityEvent[] {
  assertNewRecordId(state, data.interactionId, ["interactionId"]);
  activeMember(state, data.from, at, ["from"]);
  // Most interactions have one recipient: no set of those seen is needed for it.
  const seen = data.to.length > 1 ? new Set<string>() : undefined;
  data.to.forEach((memberId, index) => {
    if (memberId === data.from) {
      throw new DomainError("self_tie", `member ${memberId} cannot interact with themself`, ["to", index]);
    }
    if (seen?.has(memberId)) {
      throw new DomainError("duplicate_participant", `member ${memberId} appears twice`, ["to", index]);
    }
    seen?.add(memberId);
    activeMember(state, memberId, at, ["to", index]);
  });
  return [{ type: "InteractionRecorded", data }];
}

function recordGathering(state: StateView, { data }: CommandOf<"RecordGathering">, at: number): CommunityEvent[] {
  assertNewRecordId(state, data.gatheringId, ["gatheringId"]);
  const distinct = new Set(data.participants.map((participant) => participant.memberId));
  if (distinct.size < 2) {
    throw new DomainError("too_few_participants", "a gathering needs at least two distinct members", ["participants"]);
  }
  const seen = new Set<string>();
  data.participants.forEach(({ memberId }, index) => {
    const path = ["participants", index, "memberId"];
    if (seen.has(memberId)) {
      throw new DomainError("duplicate_participant", `member ${memberId} appears twice`, path);
    }
    seen.add(memberId);
    activeMember(state, memberId, at, path);
  });
  return [{ type: "GatheringHeld", data }];
}

function retractRecord(state: StateView, { data }: CommandOf<"RetractRecord">): CommunityEvent[] {
  const record = state.records.get(data.recordId);
  if (!record) {
    throw new DomainError("unknown_record", `no interaction or gathering ${data.recordId}`, ["recordId"]);
  }
  if (record.retracted) {
    throw new DomainError("record_already_retracted", `${record.kind} ${data.recordId} is already retracted`, [
      "recordId",
    ]);
  }
  // Free text may name any party, and an erased member's must not come back (docs/decisions/0003).
  const erased = data.reason === undefined ? undefined : record.parties.find((id) => state.members.get(id)?.erased);
  if (erased !== undefined) {
    throw new DomainError(
      "erased_party_free_text",
      `${record.kind} ${data.recordId} involves erased member ${erased}: retract it without a reason`,
      ["reason"],
    );
  }
  return [{ type: "RecordRetracted", data }];
}

function eraseMember(state: StateView, { data }: CommandOf<"EraseMember">): CommunityEvent[] {
  const member = knownMember(state, data.memberId, ["memberId"]);
  if (member.erased) {
    throw new DomainError("member_already_erased", `member ${data.memberId} is already erased`, ["memberId"]);
  }
  return [{ type: "MemberErased", data }];
}

function assertNewRecordId(state: StateView, id: string, path: IssuePath): void {
  const existing = state.records.get(id);
  if (existing) {
    const article = existing.kind === "interaction" ? "an" : "a";
    throw new DomainError("duplicate_record_id", `id ${id} is already used by ${article} ${existing.kind}`, path);
  }
}

function knownMember(state: StateView, memberId: string, path: IssuePath): MemberState {
  const member = state.members.get(memberId);
  if (!member) throw new DomainError("unknown_member", `member ${memberId} has not joined`, path);
  return member;
}

/** Known, not erased, and a member at valid time `at` (joined by then, not left yet). */
function activeMember(state: StateView, memberId: string, at: number, path: IssuePath): MemberState {
  const member = knownMember(state, memberId, path);
  if (isActiveAt(member, at)) return member;
  const why = member.erased
    ? "was erased"
    : at < member.joinedAt
      ? notJoinedYet(member, at)
      : `left on ${readableDay(member.leftAt ?? at)}`;
  throw new DomainError("member_not_active", `member ${memberId} ${why}`, path);
}

/** A record dated before the member joined: both dates, as a person reads them. */
const notJoinedYet = (member: MemberState, at: number) =>
  `had not joined yet on ${readableDay(at)} (joined on ${readableDay(member.joinedAt)})`;

/** "1 December 2026": the (UTC) day of an instant, for messages people read. */
export const readableDay = (at: number) =>
  new Date(at).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
