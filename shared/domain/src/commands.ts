// Commands are intents, 1:1 with the events they produce, and carry the same data.
import { z } from "zod";
import { type CommunityEvent, type EventDataOf, type EventType, eventDataSchemas } from "./events/community-event.js";
import { type Issue, issuesFrom, unreadableIssue } from "./issues.js";

export const commandTypeForEvent = {
  CommunityRegistered: "RegisterCommunity",
  MemberJoined: "JoinMember",
  MemberProfileChanged: "ChangeMemberProfile",
  MemberLeft: "LeaveCommunity",
  InteractionRecorded: "RecordInteraction",
  GatheringHeld: "RecordGathering",
  RecordRetracted: "RetractRecord",
  MemberErased: "EraseMember",
} as const satisfies Record<EventType, string>;

export type CommandType = (typeof commandTypeForEvent)[EventType];

export const commandTypes = [
  "RegisterCommunity",
  "JoinMember",
  "ChangeMemberProfile",
  "LeaveCommunity",
  "RecordInteraction",
  "RecordGathering",
  "RetractRecord",
  "EraseMember",
] as const satisfies readonly CommandType[];

const eventTypeOf: Record<CommandType, EventType> = {
  RegisterCommunity: "CommunityRegistered",
  JoinMember: "MemberJoined",
  ChangeMemberProfile: "MemberProfileChanged",
  LeaveCommunity: "MemberLeft",
  RecordInteraction: "InteractionRecorded",
  RecordGathering: "GatheringHeld",
  RetractRecord: "RecordRetracted",
  EraseMember: "MemberErased",
};

/** The event type a command produces. */
export type EventTypeFor<C extends CommandType> = {
  [E in EventType]: (typeof commandTypeForEvent)[E] extends C ? E : never;
}[EventType];

export type CommandOf<C extends CommandType> = { type: C; data: EventDataOf<EventTypeFor<C>> };
export type Command = { [C in CommandType]: CommandOf<C> }[CommandType];

/** Accepts a command type or a command. */
export function eventTypeForCommand(command: CommandType | { type: CommandType }): EventType {
  return eventTypeOf[typeof command === "string" ? command : command.type];
}

/** The command that would have produced this event (e.g. to re-decide an imported log). */
export function commandForEvent(event: CommunityEvent): Command {
  return { type: commandTypeForEvent[event.type], data: event.data } as Command;
}

const variant = <C extends CommandType, E extends EventTypeFor<C>>(type: C, eventType: E) =>
  z.strictObject({ type: z.literal(type), data: eventDataSchemas[eventType] });

/** `{ type, data }` of any command; data is validated by the schema of the event it produces. */
export const CommandSchema = z.discriminatedUnion("type", [
  variant("RegisterCommunity", "CommunityRegistered"),
  variant("JoinMember", "MemberJoined"),
  variant("ChangeMemberProfile", "MemberProfileChanged"),
  variant("LeaveCommunity", "MemberLeft"),
  variant("RecordInteraction", "InteractionRecorded"),
  variant("RecordGathering", "GatheringHeld"),
  variant("RetractRecord", "RecordRetracted"),
  variant("EraseMember", "MemberErased"),
]);

export type ParseCommandResult = { ok: true; command: Command } | { ok: false; issues: Issue[] };

/** Validates `{ type, data }` before `decide`, which trusts its input's shape. Never throws. */
export function parseCommand(input: unknown): ParseCommandResult {
  try {
    const result = CommandSchema.safeParse(input);
    return result.success ? { ok: true, command: result.data } : { ok: false, issues: issuesFrom(result.error) };
  } catch (cause) {
    return { ok: false, issues: [unreadableIssue(cause)] };
  }
}
