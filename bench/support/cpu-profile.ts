import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

// Summarises a V8 .cpuprofile (node --cpu-prof) into a few buckets by the code a sample was in:
// the first frame from the leaf up that names a known module decides.

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: number[];
}
interface CpuProfile {
  readonly nodes: ProfileNode[];
  readonly startTime: number;
  readonly samples: number[];
  readonly timeDeltas: number[];
}

export interface Bucket {
  readonly bucket: string;
  readonly ms: number;
  /** Share of the non-idle time in the window. */
  readonly percentBusy: number;
}

const BUCKETS: readonly [string, (frame: CallFrame, ancestors: () => CallFrame[]) => boolean][] = [
  ["idle", (f) => f.functionName === "(idle)"],
  ["garbage collection", (f) => f.functionName === "(garbage collector)"],
  // The kernel's loopback send, which also wakes the waiting client: a syscall per response.
  ["socket writes (writev syscall)", (f) => f.functionName === "writev" && f.url === ""],
  [
    "SQLite BEGIN/COMMIT (WAL write + fsync)",
    (f) => f.functionName === "flushOnce" && f.url.includes("event-store/src/sqlite/group-commit"),
  ],
  [
    "read model: reading committed events back (subscription)",
    (f) =>
      f.url.includes("event-store/src/sqlite/subscription") ||
      (f.url.includes("event-store/src/sqlite/statements") && /^(allRows|toRecorded|positionOf)$/.test(f.functionName)),
  ],
  [
    "read model: projection (api/src/read, shared/analytics)",
    (f) => /services\/api\/src\/read|shared\/analytics/.test(f.url),
  ],
  [
    "SQLite inserts + head lookups",
    (f) => /event-store\/src\/sqlite\/(append|statements)\.ts|better-sqlite3/.test(f.url),
  ],
  ["store: checks + JSON.stringify", (f) => /event-store\/src\/(sqlite\/store|internal\/)/.test(f.url)],
  ["store: group-commit queue", (f) => f.url.includes("event-store/src/")],
  [
    "response: zod encode + JSON.stringify",
    (f, ancestors) =>
      /\/zod\/|fastify-type-provider-zod/.test(f.url) &&
      ancestors().some((a) => a.functionName === "serialize" && a.url.includes("fastify/lib/reply")),
  ],
  ["request: zod validation", (f) => /\/zod\/|fastify-type-provider-zod/.test(f.url)],
  ["request: JSON.parse", (f) => f.url.includes("secure-json-parse")],
  ["decider (shared/domain)", (f) => f.url.includes("shared/domain/src")],
  ["CommunityWriter / CommunityLog", (f) => f.url.includes("services/community/src/write")],
  ["route handlers + write context", (f) => /services\/api\/src\/(routes|http|app)/.test(f.url)],
  [
    "event ids: newEventId (one randomFillSync syscall per id)",
    (f, ancestors) =>
      f.url.includes("node:internal/crypto") && ancestors().some((a) => a.functionName === "newEventId"),
  ],
  ["event ids: newEventId", (f) => f.functionName === "newEventId"],
  ["randomUUID (request ids, interaction ids)", (f) => f.url.includes("node:internal/crypto")],
  ["Fastify core (routing, hooks, reply)", (f) => /fastify\/|find-my-way|avvio|light-my-request/.test(f.url)],
  ["Node http/net (parser, socket writes)", (f) => /node:(_http|net|internal\/(stream|http|streams))/.test(f.url)],
  ["startup: loading modules (tsx)", (f) => /node:internal\/modules|\/tsx\/|esbuild/.test(f.url)],
  ["Node runtime (promises, timers, events)", (f) => f.url.startsWith("node:")],
];
const OTHER = "other (V8, native, unattributed)";

export function newestProfile(dir: string): string {
  const files = readdirSync(dir).filter((name) => name.endsWith(".cpuprofile"));
  if (files.length === 0) throw new Error(`no .cpuprofile in ${dir}`);
  const newest = files
    .map((name) => ({ path: join(dir, name), size: statSync(join(dir, name)).size }))
    .sort((a, b) => b.size - a.size)[0];
  return (newest as { path: string }).path;
}

/** Time per bucket for the samples taken between `fromMicros` and `toMicros` (the process's monotonic clock). */
export function bucketProfile(path: string, fromMicros: number, toMicros: number): Bucket[] {
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const bucketOf = new Map<number, string>();
  const classify = (id: number): string => {
    const known = bucketOf.get(id);
    if (known) return known;
    let found = OTHER;
    for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
      const frame = (byId.get(current) as ProfileNode).callFrame;
      const ancestors = () => {
        const list: CallFrame[] = [];
        for (let up = parent.get(current as number); up !== undefined; up = parent.get(up)) {
          list.push((byId.get(up) as ProfileNode).callFrame);
        }
        return list;
      };
      const rule = BUCKETS.find(([, matches]) => matches(frame, ancestors));
      if (rule) {
        found = rule[0];
        break;
      }
    }
    bucketOf.set(id, found);
    return found;
  };
  const totals = new Map<string, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at < fromMicros || at > toMicros) return;
    const bucket = classify(id);
    totals.set(bucket, (totals.get(bucket) ?? 0) + delta);
  });
  const busy = [...totals].filter(([bucket]) => bucket !== "idle").reduce((sum, [, micros]) => sum + micros, 0);
  return [...totals]
    .map(([bucket, micros]) => ({
      bucket,
      ms: Math.round(micros / 1000),
      percentBusy: bucket === "idle" ? 0 : Math.round((micros / Math.max(1, busy)) * 1000) / 10,
    }))
    .sort((a, b) => b.ms - a.ms);
}
