import { gatheringFormats, interactionKinds } from "@copgraph/domain";

// The formats and kind used last, per community, so the next entry starts from "the usual".
// Only values of the closed catalogues are kept: browser storage outlives the session and anyone
// at the computer can read it, so nothing about members (names, places, notes) goes there.
// Storage can be unavailable (private mode, quota): then nothing is remembered, nothing breaks.

export interface Usual {
  gatheringFormat?: string;
  /** "" when the interaction's format was not recorded. */
  interactionFormat?: string;
  interactionKind?: string;
}

const catalogues: Record<keyof Usual, readonly string[]> = {
  gatheringFormat: gatheringFormats,
  interactionFormat: ["", ...gatheringFormats],
  interactionKind: interactionKinds,
};

const key = (communityId: string) => `copgraph.record.${communityId}`;

/** The catalogue values of `value`, and nothing else (a place an earlier version stored among them). */
function keptOf(value: unknown): Usual {
  const kept: Usual = {};
  if (typeof value !== "object" || value === null) return kept;
  for (const [name, allowed] of Object.entries(catalogues) as [keyof Usual, readonly string[]][]) {
    const chosen = (value as Record<string, unknown>)[name];
    if (typeof chosen === "string" && allowed.includes(chosen)) kept[name] = chosen;
  }
  return kept;
}

export function loadUsual(communityId: string): Usual {
  try {
    const text = localStorage.getItem(key(communityId));
    if (!text) return {};
    const stored: unknown = JSON.parse(text);
    const usual = keptOf(stored);
    // Rewritten without what it may not hold, so an earlier version's place leaves the browser.
    if (JSON.stringify(usual) !== text) localStorage.setItem(key(communityId), JSON.stringify(usual));
    return usual;
  } catch {
    return {};
  }
}

export function saveUsual(communityId: string, change: Usual): void {
  try {
    localStorage.setItem(key(communityId), JSON.stringify(keptOf({ ...loadUsual(communityId), ...change })));
  } catch {
    // Not remembered; the form works the same.
  }
}
