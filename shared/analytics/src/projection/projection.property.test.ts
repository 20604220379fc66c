import { type CommunityEvent, type EventOf, isMutualKind, roleClass } from "@copgraph/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CommunityHistory, fromEvents } from "./community-history.js";
import { projectSnapshot } from "./project-snapshot.js";
import { type GraphQuery, type TieLayer, tieLayers } from "./query.js";
import type { StoredEvent } from "./stored-event.js";
import { logArb, memberIds, plain, queryArb } from "./testing/random-histories.js";

interface Edge {
  source: string;
  target: string;
  weight: number;
  layers: Partial<Record<TieLayer, number>>;
}

/** Edges in a comparable shape: sorted, weights rounded to forgive summation order. */
const normalise = (edges: Edge[]) =>
  edges
    .map(({ source, target, weight, layers }) => ({
      key: `${source}>${target}`,
      weight: Math.round(weight * 1e9) / 1e9,
      layers: Object.fromEntries(
        Object.entries(layers)
          .map(([layer, w]) => [layer, Math.round(w * 1e9) / 1e9] as const)
          .sort(([a], [b]) => a.localeCompare(b)),
      ),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));

/** The specification, written naively: filter the whole log for every question. */
function reference(log: readonly StoredEvent[], q: GraphQuery) {
  const time = (e: StoredEvent) => Date.parse(e.event.data.occurredAt);
  const order = (a: StoredEvent, b: StoredEvent) => time(a) - time(b) || a.revision - b.revision;
  const known = log.filter((e) => e.recordedAt <= q.knownAt);
  const of = <T extends CommunityEvent["type"]>(type: T, events = known) =>
    events.filter((e): e is StoredEvent & { event: EventOf<T> } => e.event.type === type);
  const retractedIds = new Set(of("RecordRetracted").map((e) => e.event.data.recordId));
  const erasedIds = new Set(of("MemberErased", [...log]).map((e) => e.event.data.memberId));
  const counted = (e: StoredEvent, id: string) =>
    !retractedIds.has(id) && time(e) <= q.at && time(e) >= (q.from ?? Number.NEGATIVE_INFINITY);
  const interactions = of("InteractionRecorded")
    .filter((e) => counted(e, e.event.data.interactionId))
    .sort(order);
  const gatherings = of("GatheringHeld")
    .filter((e) => counted(e, e.event.data.gatheringId))
    .sort(order);
  const named = new Set([
    ...interactions.flatMap((e) => [e.event.data.from, ...e.event.data.to]),
    ...gatherings.flatMap((e) => e.event.data.participants.map((p) => p.memberId)),
  ]);
  const nodes: { id: string; attributes: Record<string, string> }[] = [];
  const joins = memberIds
    .map((id) => of("MemberJoined").find((e) => e.event.data.memberId === id))
    .filter((e): e is NonNullable<typeof e> => e !== undefined && time(e) <= q.at)
    .sort(order);
  for (const join of joins) {
    const { memberId, sector, occupationalLayer, organisation, attributes } = join.event.data;
    const isLeft = of("MemberLeft").some((e) => e.event.data.memberId === memberId && time(e) <= q.at);
    if (isLeft && !named.has(memberId)) continue;
    const profile: Record<string, string | null | undefined> = {
      sector,
      occupationalLayer,
      organisation,
      ...attributes,
    };
    const changes = of("MemberProfileChanged").filter((e) => e.event.data.memberId === memberId && time(e) <= q.at);
    for (const { event } of changes.sort(order)) {
      const { sector, organisation, attributes } = event.data;
      Object.assign(
        profile,
        sector === undefined ? {} : { sector },
        organisation === undefined ? {} : { organisation },
      );
      Object.assign(profile, attributes);
    }
    if (erasedIds.has(memberId)) profile.organisation = null;
    const set = Object.entries(profile).filter((entry): entry is [string, string] => typeof entry[1] === "string");
    nodes.push({ id: memberId, attributes: Object.fromEntries(set) });
  }
  const isNode = new Set(nodes.map((n) => n.id));
  const layers = new Set(q.layers ?? tieLayers);
  const ties = new Map<string, Partial<Record<TieLayer, number>>>();
  // The same 2^(−Δ/h) as the projection, so ties exactly at minWeight fall on the same side.
  const decay = (e: StoredEvent) => (q.halfLife ? 2 ** (-(q.at - time(e)) / q.halfLife) : 1);
  const add = (s: string, t: string, layer: TieLayer, w: number) => {
    if (s === t || !isNode.has(s) || !isNode.has(t) || !layers.has(layer)) return;
    const tie = ties.get(`${s} ${t}`) ?? {};
    tie[layer] = (tie[layer] ?? 0) + w;
    ties.set(`${s} ${t}`, tie);
  };
  for (const e of interactions) {
    const { kind, from, to, weight = 1 } = e.event.data;
    for (const t of to) {
      add(from, t, kind, weight * decay(e));
      if (isMutualKind(kind)) add(t, from, kind, weight * decay(e));
    }
  }
  for (const e of gatherings) {
    for (const a of e.event.data.participants) {
      for (const b of e.event.data.participants) {
        if (roleClass(a.role) === "giver" && roleClass(b.role) === "receiver")
          add(a.memberId, b.memberId, "led", decay(e));
        add(a.memberId, b.memberId, "co-attendance", decay(e));
      }
    }
  }
  const edges = [...ties]
    .map(([key, perLayer]): Edge => {
      const [source = "", target = ""] = key.split(" ");
      return { source, target, layers: perLayer, weight: Object.values(perLayer).reduce((x, y) => x + y, 0) };
    })
    .filter((e) => e.weight >= (q.minWeight ?? 0));
  return { nodes, edges, interactions, gatherings };
}

describe("projection properties", () => {
  it("is the same whether built one event at a time (queried between appends) or all at once", () => {
    fc.assert(
      fc.property(logArb, fc.array(queryArb, { minLength: 1, maxLength: 3 }), (log, queries) => {
        const incremental = new CommunityHistory();
        for (const [i, e] of log.entries()) {
          incremental.apply(e);
          // Reading between appends exercises the lazily re-sorted indexes.
          projectSnapshot(incremental, queries[i % queries.length]!);
        }
        const batch = fromEvents(log);
        for (const q of queries)
          expect(plain(projectSnapshot(incremental, q))).toEqual(plain(projectSnapshot(batch, q)));
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with a naive reading of the whole log", () => {
    fc.assert(
      fc.property(logArb, queryArb, (log, q) => {
        const actual = projectSnapshot(fromEvents(log), q);
        const expected = reference(log, q);
        expect(actual.graph.mapNodes((id, attributes) => ({ id, attributes }))).toEqual(expected.nodes);
        expect(actual.interactions.map((i) => i.id)).toEqual(
          expected.interactions.map((e) => e.event.data.interactionId),
        );
        expect(actual.gatherings.map((g) => g.id)).toEqual(expected.gatherings.map((e) => e.event.data.gatheringId));
        const edges = actual.graph.mapEdges((_e, { weight, layers }, source, target) => ({
          source,
          target,
          weight,
          layers,
        }));
        expect(normalise(edges)).toEqual(normalise(expected.edges));
      }),
      { numRuns: 500 },
    );
  });
});
