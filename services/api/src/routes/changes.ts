import { CommunityParams } from "@copgraph/contract";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { bearerSecret } from "../access/key-secret.js";
import type { AccessKeyStore } from "../access/key-store.js";
import { LOCAL_DEVELOPER } from "../access/roles.js";
import { routeAccess } from "../access/route-configs.js";
import { HttpProblem } from "../http/problem.js";
import type { NoticeBoard } from "../notices/notice-board.js";
import type { SurveyLog } from "../surveys/survey-log.js";
import type { RouteContext } from "./context.js";
import { OpenStreams } from "./open-streams.js";

export interface ChangesOptions extends RouteContext {
  /** How often an open stream sends a keep-alive and re-checks its key. */
  readonly heartbeatMs: number;
  /** Streams one key may hold open at once; past it: 429. */
  readonly streamsPerKey: number;
  /** New notices go to admins and the community's facilitators as `notice` messages. */
  readonly notices?: NoticeBoard;
  /** Survey rounds: admins and facilitators get a `survey` message when an answer arrives or goes (whose, never). */
  readonly surveys?: SurveyLog;
}

export const changesRoutes: FastifyPluginAsyncZod<ChangesOptions> = async (
  app,
  { writer, histories, heartbeatMs, streamsPerKey, notices, surveys },
) => {
  const open = new OpenStreams(streamsPerKey);
  // Open streams end when the server closes, so shutdown does not wait for clients to hang up.
  app.addHook("onClose", async () => open.endAll());

  app.get(
    "/v1/communities/:id/changes",
    {
      config: routeAccess.members,
      schema: {
        tags: ["analytics"],
        summary:
          "Server-Sent Events: a `change` message with the new revision each time the community's log grows, " +
          "and for admins and the community's facilitators a `notice` message with each new notice " +
          "and a `survey` message (round and event type, never whose) each time a survey answer arrives or is withdrawn. " +
          "The stream ends when its key is revoked or rotated; each key may hold a few streams open at once (429 past them).",
        params: CommunityParams,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const keyId = (request.caller ?? LOCAL_DEVELOPER).keyId;
      const keyStands = keyCheck(app.accessMode.keys, request);
      const log = await writer.current(id);
      if (!log.registered) throw new HttpProblem(404, "community_not_found", `no community '${id}'`);
      if (open.isFull(keyId)) {
        reply.header("retry-after", String(Math.max(1, Math.ceil(heartbeatMs / 1000))));
        throw new HttpProblem(
          429,
          "too_many_streams",
          `this key already holds ${streamsPerKey} open change streams: close one (COPGRAPH_STREAMS_PER_KEY)`,
        );
      }
      reply.hijack();
      const response = reply.raw;
      response.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      response.write(`retry: 2000\nevent: ready\ndata: ${JSON.stringify({ revision: Number(log.revision) })}\n\n`);
      // Tells the client why before it goes: a reconnect with the same key would get 401.
      const endForKey = () => {
        response.write(`event: closed\ndata: ${JSON.stringify({ code: "invalid_key" })}\n\n`);
        end();
      };
      // A batch import applies thousands of events at once: send one message per turn, not per event.
      let pending: number | undefined;
      const stop = histories.onChange((communityId, revision) => {
        if (communityId !== id) return;
        if (pending === undefined) {
          setImmediate(() => {
            if (response.writableEnded) return;
            if (!keyStands()) return endForKey();
            response.write(`event: change\ndata: ${JSON.stringify({ revision: pending })}\n\n`);
            pending = undefined;
          });
        }
        pending = revision;
      });
      const role = (request.caller ?? LOCAL_DEVELOPER).role;
      const stopNotices =
        role === "admin" || role === "facilitator"
          ? notices?.onNotice(id, (notice) => {
              if (!response.writableEnded) response.write(`event: notice\ndata: ${JSON.stringify(notice)}\n\n`);
            })
          : undefined;
      const stopSurveys =
        role === "admin" || role === "facilitator"
          ? surveys?.onAppended((communityId, roundId, event) => {
              if (communityId !== id || response.writableEnded) return;
              response.write(`event: survey\ndata: ${JSON.stringify({ roundId, type: event.type })}\n\n`);
            })
          : undefined;
      const heartbeat = setInterval(() => {
        if (!keyStands()) return endForKey();
        response.write(": keep-alive\n\n");
      }, heartbeatMs);
      const close = () => {
        stop();
        stopNotices?.();
        stopSurveys?.();
        clearInterval(heartbeat);
        open.delete(keyId, end);
      };
      const end = () => {
        close();
        response.end();
      };
      open.add(keyId, end);
      // The response closes when the stream ends or the client hangs up: either way its place is free.
      response.once("close", close);
    },
  );
};

/**
 * Whether the key a stream was opened with still stands. It reads the key store each time:
 * `copgraph keys revoke` and `rotate` write it from another process, and a rotated key's old
 * secret no longer authenticates. A stream opened without a key (open or development mode) has none to lose.
 */
function keyCheck(keys: AccessKeyStore | undefined, request: FastifyRequest): () => boolean {
  const secret = bearerSecret(request.headers.authorization);
  const keyId = request.caller?.keyId;
  if (!keys || secret === undefined) return () => true;
  return () => {
    try {
      return keys.authenticate(secret)?.keyId === keyId;
    } catch {
      // A store that cannot answer cannot vouch for the key: the client reconnects and is checked afresh.
      return false;
    }
  };
}
