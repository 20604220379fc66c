import { PerCommunityCache } from "./per-community-cache.js";

const MIB = 1024 * 1024;

/**
 * Response bodies already turned into JSON, for callers who see a community whole (no pseudonyms,
 * no withheld groups). A large graph takes longer to serialise than to look up, so repeated reads
 * of the same (revision, query) send the same text. Bodies are large (a million-tie graph is
 * ~90 MB): a few per community and `maxBytes` in all are kept (see PerCommunityCache).
 */
export class SerialisedBodies {
  private readonly bodies: PerCommunityCache<string>;

  constructor(perCommunity: number, maxBytes = 256 * MIB) {
    this.bodies = new PerCommunityCache<string>(perCommunity, maxBytes, (text) => text.length);
  }

  get(communityId: string, key: string, build: () => unknown): string {
    const hit = this.bodies.get(communityId, key);
    if (hit !== undefined) return hit;
    const text = JSON.stringify(build());
    this.bodies.set(communityId, key, text);
    return text;
  }
}
