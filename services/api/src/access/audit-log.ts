import { randomUUID } from "node:crypto";
import type { EventStore, RecordedEvent } from "@copgraph/event-store";
import type { FastifyRequest } from "fastify";
import type { AuditAction } from "./access-rule.js";
import type { Caller } from "./roles.js";
import { redactUrlSecrets } from "./url-secrets.js";

/** The stream of the audit log: not `community-*`, so no community's history or listing sees it. */
export const AUDIT_STREAM = "audit";
export const AUDIT_EVENT_TYPE = "DataAccessed";

export interface AuditEntry {
  readonly revision: number;
  readonly recordedAt: string;
  readonly keyId: string;
  readonly role: string;
  readonly action: AuditAction;
  readonly method: string;
  /** The route's pattern, e.g. /v1/communities/:id/export. */
  readonly route: string;
  /** The path with its query as asked, secrets redacted (ids of communities and members are not personal data). */
  readonly url: string;
  readonly communityId: string | null;
  readonly status: number;
  readonly requestId: string;
}

export interface AuditPage {
  readonly entries: AuditEntry[];
  /** `before` of the next (older) page, or null at the first entry. */
  readonly next: number | null;
}

/** Who read, exported or erased what, and when: events of their own in the event store. */
export class AuditLog {
  constructor(
    private readonly store: EventStore,
    private readonly clock: () => Date,
  ) {}

  async record(caller: Caller, action: AuditAction, request: FastifyRequest, status: number): Promise<void> {
    const communityId = (request.params as { id?: unknown } | undefined)?.id;
    await this.store.appendToStream(
      AUDIT_STREAM,
      [
        {
          id: randomUUID(),
          type: AUDIT_EVENT_TYPE,
          data: {
            keyId: caller.keyId,
            role: caller.role,
            action,
            method: request.method,
            route: request.routeOptions.url ?? request.url,
            url: redactUrlSecrets(request.url),
            communityId: typeof communityId === "string" ? communityId : null,
            status,
          },
          metadata: { recordedAt: this.clock().toISOString(), correlationId: request.id },
        },
      ],
      { expectedRevision: "any" },
    );
  }

  /** Newest first: the `limit` entries before revision `before` (the latest when omitted). */
  async page(before: number | undefined, limit: number): Promise<AuditPage> {
    let recorded: RecordedEvent[];
    try {
      recorded =
        before !== undefined && before <= 0
          ? []
          : await this.store.readStream(AUDIT_STREAM, {
              direction: "backwards",
              fromRevision: before === undefined ? "end" : BigInt(before - 1),
              maxCount: limit,
            });
    } catch (error) {
      if (error instanceof Error && error.name === "StreamNotFoundError") return { entries: [], next: null };
      throw error;
    }
    const entries = recorded.map(toEntry);
    const oldest = entries.at(-1)?.revision;
    return { entries, next: oldest !== undefined && oldest > 0 && entries.length === limit ? oldest : null };
  }
}

function toEntry(event: RecordedEvent): AuditEntry {
  const data = event.data as Record<string, unknown>;
  return {
    revision: Number(event.revision),
    recordedAt: String(event.metadata.recordedAt ?? event.created.toISOString()),
    keyId: String(data.keyId),
    role: String(data.role),
    action: data.action as AuditAction,
    method: String(data.method),
    route: String(data.route),
    url: String(data.url),
    communityId: typeof data.communityId === "string" ? data.communityId : null,
    status: Number(data.status),
    requestId: String(event.metadata.correlationId ?? ""),
  };
}
