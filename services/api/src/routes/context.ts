import type { CommunityHistories, CommunityReader, CommunityWriter, PersonalData } from "@copgraph/community";
import { Problem, WriteResult } from "@copgraph/contract";
import type { EventStore } from "@copgraph/event-store";
import type { FastifyReply } from "fastify";
import { etag } from "../http/write-context.js";

export interface RouteContext {
  readonly store: EventStore;
  readonly writer: CommunityWriter;
  readonly histories: CommunityHistories;
  readonly reader: CommunityReader;
  /** Names and free text: only for readers allowed to see them (never a researcher's). */
  readonly personal: PersonalData;
  /** The app's clock as ISO 8601: the default `occurredAt` of a write. */
  readonly now: () => string;
}

export const problemResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, Problem])) as Record<number, typeof Problem>;

// 503: the storage stayed busy past the request's deadline (Retry-After says when to try again).
export const writeResponses = { 201: WriteResult, ...problemResponses(400, 404, 409, 412, 413, 422, 503) };

export function replyWritten(reply: FastifyReply, result: WriteResult, location?: string) {
  reply.code(201).header("etag", etag(result.revision));
  if (location) reply.header("location", location);
  return result;
}
