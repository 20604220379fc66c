import type { CheckedEvent } from "../internal/validate.js";
import type { JsonObject } from "../port.js";

/**
 * A stream transaction's events as columns, serialised for the writer thread. A long history
 * repeats a few (type, metadata) pairs (one write's metadata per event type): each pair travels
 * once and events point at it, so far fewer and smaller strings are copied between the threads.
 */
export interface EventColumns {
  readonly ids: readonly string[];
  readonly data: readonly string[];
  /** Per event, its index in `kinds`. */
  readonly kindOf: Uint32Array;
  readonly kinds: readonly { readonly type: string; readonly metadata: string }[];
}

export function toColumns(events: readonly CheckedEvent[]): EventColumns {
  const ids = new Array<string>(events.length);
  const data = new Array<string>(events.length);
  const kindOf = new Uint32Array(events.length);
  const kinds: { type: string; metadata: string }[] = [];
  const kindIndex = new Map<JsonObject, Map<string, number>>();
  events.forEach((event, i) => {
    let byType = kindIndex.get(event.metadata);
    if (!byType) {
      byType = new Map();
      kindIndex.set(event.metadata, byType);
    }
    let kind = byType.get(event.type);
    if (kind === undefined) {
      kind = kinds.push({ type: event.type, metadata: JSON.stringify(event.metadata) }) - 1;
      byType.set(event.type, kind);
    }
    ids[i] = event.id;
    data[i] = JSON.stringify(event.data);
    kindOf[i] = kind;
  });
  return { ids, data, kindOf, kinds };
}
