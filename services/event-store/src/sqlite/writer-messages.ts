import { IdempotencyConflictError, WrongExpectedVersionError } from "../errors.js";
import type { ExpectedRevision, StreamRevision } from "../port.js";
import type { EventColumns } from "./event-columns.js";
import type { AppendOutcome, GroupCommitStats, TicketedAppend } from "./group-commit.js";

// What the store and its writer thread say to each other. Errors cross the thread boundary as
// plain data and become the same error classes again on the other side.

/** One step of a stream transaction (see TransactionRunner). */
export type TransactionStep =
  | { readonly op: "begin"; readonly streamId: string; readonly expected: ExpectedRevision }
  | { readonly op: "append"; readonly events: EventColumns }
  | { readonly op: "commit" }
  | { readonly op: "abort" };

export type ToWriter =
  | { readonly kind: "append"; readonly appends: readonly TicketedAppend[] }
  | { readonly kind: "transaction"; readonly ticket: number; readonly step: TransactionStep }
  | { readonly kind: "close" };

export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

export type WireOutcome =
  | Extract<AppendOutcome, { ok: true }>
  | { readonly ticket: number; readonly ok: false; readonly error: WireError };

export type FromWriter =
  | {
      readonly kind: "flushed";
      readonly outcomes: readonly WireOutcome[];
      readonly wrote: boolean;
      readonly stats: GroupCommitStats;
    }
  | { readonly kind: "closed" };

export function toWireError(error: unknown): WireError {
  if (!(error instanceof Error)) return { name: "Error", message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (typeof value !== "function" && typeof value !== "object") fields[key] = value;
  }
  return { name: error.name, message: error.message, fields };
}

export function fromWireError(wire: WireError): Error {
  const field = <T>(name: string) => wire.fields[name] as T;
  if (wire.name === "WrongExpectedVersionError") {
    return new WrongExpectedVersionError(
      field<string>("streamId"),
      field<ExpectedRevision>("expectedRevision"),
      field<StreamRevision | "no_stream">("actualRevision"),
    );
  }
  if (wire.name === "IdempotencyConflictError") {
    return new IdempotencyConflictError(field<string>("streamId"), field<string>("eventId"));
  }
  const error = Object.assign(new Error(wire.message), wire.fields);
  error.name = wire.name;
  return error;
}
