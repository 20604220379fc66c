// Where the time of a full indicator report goes: each indicator alone on the 2,000-member / 50,000-tie
// benchmark community at its last date (run: node --conditions=source --import tsx bench/analytics/indicator-costs.ts).
import {
  CommunityHistory,
  computeIndicators,
  defaultIndicatorOptions,
  indicators,
  projectSnapshot,
} from "@copgraph/analytics";
import type { CommunityEvent } from "@copgraph/domain";
import { buildHistory } from "../web/community.js";

const size = { label: "2k/50k", communityId: "b", members: 2000, ties: 50000 };
const h = buildHistory(size);
const history = CommunityHistory.fromEvents(
  // The benchmark's events are valid community events, built untyped for the API's batches.
  h.events.map((event, i) => ({ event: event as CommunityEvent, recordedAt: h.end, revision: i })),
);
const at = h.end;
let t = performance.now();
const snap = projectSnapshot(history, { at, knownAt: at, minWeight: 0 });
console.log("project", (performance.now() - t).toFixed(0), "ms", snap.graph.order, snap.graph.size);
const rows: [string, number][] = [];
for (const ind of indicators) {
  t = performance.now();
  computeIndicators(snap, defaultIndicatorOptions, [ind.id]);
  rows.push([ind.id, performance.now() - t]);
}
rows.sort((a, b) => b[1] - a[1]);
let total = 0;
for (const [, ms] of rows) total += ms;
console.log("total", total.toFixed(0));
for (const [id, ms] of rows) console.log(ms.toFixed(0).padStart(6), id);
