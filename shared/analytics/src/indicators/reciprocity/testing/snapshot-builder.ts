// Test helper: a CommunitySnapshot built by hand, without the event store or the projection.
// Facts outside [from, at] are dropped; the graph gets one tie per arc with per-layer weights
// projected the simple way (interaction: from → each recipient in its kind's layer, both ways for
// a mutual kind; gathering: `led` giver → receiver and `co-attendance` between all participants).
import { type InteractionKind, isMutualKind, type ParticipantRole, roleClass } from "@copgraph/domain";
import { DirectedGraph } from "graphology";
import type {
  CommunitySnapshot,
  GatheringFact,
  InteractionFact,
  MemberAttributes,
  TieAttributes,
} from "../../../projection/community-snapshot.js";
import type { TieLayer } from "../../../projection/query.js";

export const DAY = 86_400_000;
/** Day d at midnight UTC, counted from 2024-01-01. */
export const day = (d: number): number => Date.UTC(2024, 0, 1) + d * DAY;

export class SnapshotBuilder {
  readonly #members = new Map<string, { attributes: MemberAttributes; joinedAt: number }>();
  readonly #interactions: InteractionFact[] = [];
  readonly #gatherings: GatheringFact[] = [];
  readonly #arcs: { from: string; to: string; layer: TieLayer; weight: number }[] = [];

  member(id: string, attributes: Partial<MemberAttributes> = {}, joinedAt = day(0)): this {
    const base: MemberAttributes = { sector: "other", occupationalLayer: "other" };
    this.#members.set(id, { attributes: { ...base, ...attributes } as MemberAttributes, joinedAt });
    return this;
  }

  interaction(from: string, to: string | string[], occurredAt: number, kind: InteractionKind = "advice", weight = 1) {
    const id = `i${this.#interactions.length + 1}`;
    this.#interactions.push({ id, kind, from, to: typeof to === "string" ? [to] : to, occurredAt, weight });
    return this;
  }

  gathering(
    occurredAt: number,
    participants: Record<string, ParticipantRole>,
    format: GatheringFact["format"] = "workshop",
  ) {
    const id = `g${this.#gatherings.length + 1}`;
    const list = Object.entries(participants).map(([memberId, role]) => ({ memberId, role }));
    this.#gatherings.push({ id, format, occurredAt, participants: list });
    return this;
  }

  /** A tie with no fact behind it (structural tests). */
  arc(from: string, to: string, layer: TieLayer = "advice", weight = 1): this {
    this.#arcs.push({ from, to, layer, weight });
    return this;
  }

  build(query: { at: number; from?: number }): CommunitySnapshot {
    const inWindow = (t: number) => t <= query.at && (query.from === undefined || t >= query.from);
    const byTime = <T extends { occurredAt: number }>(a: T, b: T) => a.occurredAt - b.occurredAt;
    const interactions = this.#interactions.filter((i) => inWindow(i.occurredAt)).sort(byTime);
    const gatherings = this.#gatherings.filter((g) => inWindow(g.occurredAt)).sort(byTime);
    const graph = new DirectedGraph<MemberAttributes, TieAttributes>();
    const joinedAt = new Map<string, number>();
    const ensure = (id: string) => {
      if (!this.#members.has(id)) this.member(id);
      if (!graph.hasNode(id)) graph.addNode(id, { ...this.#members.get(id)!.attributes });
    };
    for (const id of this.#members.keys()) ensure(id);
    const add = (from: string, to: string, layer: TieLayer, weight: number) => {
      ensure(from);
      ensure(to);
      if (from === to) return;
      const key = graph.directedEdge(from, to) ?? graph.addDirectedEdge(from, to, { weight: 0, layers: {} });
      const tie = graph.getEdgeAttributes(key);
      graph.mergeEdgeAttributes(key, {
        weight: tie.weight + weight,
        layers: { ...tie.layers, [layer]: (tie.layers[layer] ?? 0) + weight },
      });
    };
    for (const i of interactions) {
      for (const to of i.to) {
        add(i.from, to, i.kind, i.weight);
        if (isMutualKind(i.kind)) add(to, i.from, i.kind, i.weight);
      }
    }
    for (const g of gatherings) {
      for (const a of g.participants) {
        for (const b of g.participants) {
          if (a.memberId === b.memberId) continue;
          add(a.memberId, b.memberId, "co-attendance", 1);
          if (roleClass(a.role) === "giver" && roleClass(b.role) === "receiver") add(a.memberId, b.memberId, "led", 1);
        }
      }
    }
    for (const a of this.#arcs) add(a.from, a.to, a.layer, a.weight);
    for (const [id, m] of this.#members) joinedAt.set(id, m.joinedAt);
    return {
      query: { at: query.at, knownAt: query.at, ...(query.from !== undefined && { from: query.from }) },
      graph,
      interactions,
      gatherings,
      joinedAt,
    };
  }
}

/** A snapshot around a ready graph, with no facts (structural indicators only). */
export function graphSnapshot(graph: CommunitySnapshot["graph"], at = day(0)): CommunitySnapshot {
  return { query: { at, knownAt: at }, graph, interactions: [], gatherings: [], joinedAt: new Map() };
}
