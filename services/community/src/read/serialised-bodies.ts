const MIB = 1024 * 1024;

/**
 * Response bodies already turned into JSON, for callers who see a community whole (no pseudonyms,
 * no withheld groups). A large graph takes longer to serialise than to look up, so repeated reads
 * of the same (revision, query) send the same text. Bodies are large (a million-tie graph is
 * ~90 MB): at most `perCommunity` per community and `maxBytes` in all are kept, least recently
 * used dropped first, but never the body just made.
 */
export class SerialisedBodies {
  /** community → key → text, each map in recency order. */
  private readonly bodies = new Map<string, Map<string, string>>();
  private bytes = 0;

  constructor(
    private readonly perCommunity: number,
    private readonly maxBytes = 256 * MIB,
  ) {}

  get(communityId: string, key: string, build: () => unknown): string {
    let cached = this.bodies.get(communityId);
    const hit = cached?.get(key);
    if (hit !== undefined) {
      cached!.delete(key);
      cached!.set(key, hit);
      // The community moves to the end too: the map of communities is in recency order as well.
      this.bodies.delete(communityId);
      this.bodies.set(communityId, cached!);
      return hit;
    }
    const text = JSON.stringify(build());
    if (!cached) cached = new Map();
    this.bodies.delete(communityId);
    this.bodies.set(communityId, cached);
    if (cached.size >= this.perCommunity) this.drop(cached, cached.keys().next().value as string);
    cached.set(key, text);
    this.bytes += text.length;
    this.evict(communityId, key);
    return text;
  }

  /** Oldest first: the least recently read community's oldest bodies, until within the budget. */
  private evict(keepCommunity: string, keepKey: string): void {
    for (const [communityId, cached] of this.bodies) {
      for (const key of cached.keys()) {
        if (this.bytes <= this.maxBytes) return;
        if (communityId === keepCommunity && key === keepKey) continue;
        this.drop(cached, key);
      }
      if (cached.size === 0) this.bodies.delete(communityId);
    }
  }

  private drop(cached: Map<string, string>, key: string): void {
    this.bytes -= cached.get(key)?.length ?? 0;
    cached.delete(key);
  }
}
