// Compact forms are built once per snapshot (or per snapshot graph) and shared by every indicator
// of a report. Snapshots are never changed after projection; a graph's order and size are part of
// the stamp anyway, so a graph changed in place (as some tests do) gets fresh forms.
import type { CommunityGraph } from "../projection/community-snapshot.js";

interface Forms {
  readonly stamp: string;
  readonly byKey: Map<string, unknown>;
}

const memo = new WeakMap<object, Forms>();

function memoised<T>(owner: object, stamp: string, key: string, build: () => T): T {
  let forms = memo.get(owner);
  if (forms?.stamp !== stamp) {
    forms = { stamp, byKey: new Map() };
    memo.set(owner, forms);
  }
  if (forms.byKey.has(key)) return forms.byKey.get(key) as T;
  const form = build();
  forms.byKey.set(key, form);
  return form;
}

/** The form `key` of `graph`, built by `build` the first time it is asked for. */
export function memoisedOnGraph<T>(graph: CommunityGraph, key: string, build: () => T): T {
  return memoised(graph, `${graph.order}/${graph.size}`, key, build);
}

/** The form `key` of a snapshot (or any immutable owner), built by `build` the first time. */
export function memoisedOn<T>(owner: object, key: string, build: () => T): T {
  return memoised(owner, "", key, build);
}
