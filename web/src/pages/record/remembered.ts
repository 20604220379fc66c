// The last place and formats used, per community, so the next entry starts from "the usual".
// Storage can be unavailable (private mode, quota): then nothing is remembered, nothing breaks.

export interface Usual {
  place?: string;
  gatheringFormat?: string;
  interactionFormat?: string;
  interactionKind?: string;
}

const key = (communityId: string) => `copgraph.record.${communityId}`;

export function loadUsual(communityId: string): Usual {
  try {
    const text = localStorage.getItem(key(communityId));
    const value: unknown = text ? JSON.parse(text) : {};
    return typeof value === "object" && value !== null ? (value as Usual) : {};
  } catch {
    return {};
  }
}

export function saveUsual(communityId: string, change: Usual): void {
  try {
    localStorage.setItem(key(communityId), JSON.stringify({ ...loadUsual(communityId), ...change }));
  } catch {
    // Not remembered; the form works the same.
  }
}
