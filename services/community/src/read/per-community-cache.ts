/**
 * Answers kept per community under keys that name the community's revision: a bounded number for
 * each community and, when sizes are given, a bounded number of bytes in all; least recently read
 * dropped first, across communities, but never the answer just kept. A new event drops only its
 * own community's answers.
 */
export class PerCommunityCache<V> {
  /** community → key → answer, both levels in recency order. */
  readonly #byCommunity = new Map<string, Map<string, V>>();
  #bytes = 0;

  constructor(
    private readonly perCommunity: number,
    private readonly maxBytes = Number.POSITIVE_INFINITY,
    private readonly sizeOf: (value: V) => number = () => 0,
  ) {}

  get(communityId: string, key: string): V | undefined {
    const answers = this.#byCommunity.get(communityId);
    if (!answers?.has(key)) return undefined;
    const value = answers.get(key) as V;
    answers.delete(key);
    answers.set(key, value);
    this.#byCommunity.delete(communityId);
    this.#byCommunity.set(communityId, answers);
    return value;
  }

  set(communityId: string, key: string, value: V): void {
    const answers = this.#byCommunity.get(communityId) ?? new Map<string, V>();
    this.#byCommunity.delete(communityId);
    this.#byCommunity.set(communityId, answers);
    if (answers.has(key)) this.#drop(answers, key);
    if (answers.size >= this.perCommunity) this.#drop(answers, answers.keys().next().value as string);
    answers.set(key, value);
    this.#bytes += this.sizeOf(value);
    this.#evict(communityId, key);
  }

  drop(communityId: string): void {
    const answers = this.#byCommunity.get(communityId);
    if (!answers) return;
    for (const key of [...answers.keys()]) this.#drop(answers, key);
    this.#byCommunity.delete(communityId);
  }

  /** Bytes held, as `sizeOf` estimates them. */
  get bytes(): number {
    return this.#bytes;
  }

  #evict(keepCommunity: string, keepKey: string): void {
    for (const [communityId, answers] of this.#byCommunity) {
      for (const key of [...answers.keys()]) {
        if (this.#bytes <= this.maxBytes) return;
        if (communityId === keepCommunity && key === keepKey) continue;
        this.#drop(answers, key);
      }
      if (answers.size === 0) this.#byCommunity.delete(communityId);
    }
  }

  #drop(answers: Map<string, V>, key: string): void {
    if (!answers.has(key)) return;
    this.#bytes -= this.sizeOf(answers.get(key) as V);
    answers.delete(key);
  }
}
