// The API server the HTTP benchmarks load, run as a child process (forked by server-process.ts) so
// that autocannon's CPU does not share its event loop. BENCH_STORE (a StoreKind) swaps SQLite for a
// diagnostic: NullEventStore, or a route that validates and answers without writing.
import { buildApp } from "@copgraph/api";
import { CommunityParams, RecordInteractionRequest } from "@copgraph/contract";
import { openSqliteEventStore } from "@copgraph/event-store";
import { requireParent, serveParent } from "./child-ipc.js";
import { NullEventStore } from "./null-store.js";
import { NO_WRITE_PATH } from "./server-process.js";

requireParent("server-child");
const path = process.env.BENCH_DB_PATH;
if (!path) {
  console.error("server-child: BENCH_DB_PATH is missing");
  process.exit(2);
}

const kind = process.env.BENCH_STORE ?? "sqlite";
const sqlite = kind === "sqlite" ? openSqliteEventStore({ path }) : undefined;
const store = sqlite ?? new NullEventStore({ deferToNextTurn: kind !== "null" });
// BENCH_RATE_LIMIT > 0: requests per minute per key, the limiter `copgraph serve` runs with.
const rateLimit = Number(process.env.BENCH_RATE_LIMIT ?? 0);
const app = await buildApp({
  store,
  ...(rateLimit > 0 ? { http: { rateLimit: { max: rateLimit, windowMs: 60_000 } } } : {}),
});
if (kind === "no-write") {
  // Everything a write request pays before the writer (HTTP, security headers, access check, body
  // parsing, zod), answered with a result of the usual shape.
  let revision = 0;
  app.post(
    NO_WRITE_PATH,
    {
      config: { access: { need: "write", community: "params.id" } },
      schema: { params: CommunityParams, body: RecordInteractionRequest },
    },
    async (request, reply) => {
      revision++;
      reply.code(201).header("etag", `"${revision}"`);
      return { communityId: (request.params as { id: string }).id, revision, position: revision, events: [] };
    },
  );
}
const url = await app.listen({ host: "127.0.0.1", port: 0 });

serveParent(url, {
  ...(sqlite ? { stats: () => sqlite.stats() } : {}),
  close: async () => {
    await app.close();
    await store.close();
  },
});
