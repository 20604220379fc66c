/**
 * Response bodies already turned into JSON, per community, for callers who see a community whole
 * (no pseudonyms, no withheld groups). A large graph takes longer to serialise than to look up,
 * so repeated reads of the same (revision, query) send the same text. Bodies are large: only the
 * last few per community are kept.
 */
export class SerialisedBodies {
  private readonly bodies = new Map<string, Map<string, string>>();

  constructor(private readonly perCommunity: number) {}

  get(communityId: string, key: string, build: () => unknown): string {
    let cached = this.bodies.get(communityId);
    const hit = cached?.get(key);
    if (hit !== undefined) return hit;
    const text = JSON.stringify(build());
    if (!cached) {
      cached = new Map();
      this.bodies.set(communityId, cached);
    }
    if (cached.size >= this.perCommunity) cached.delete(cached.keys().next().value as string);
    cached.set(key, text);
    return text;
  }
}
