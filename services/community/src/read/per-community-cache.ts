/**
 * Answers kept per community under keys that name the community's revision, a bounded number
 * each (oldest first out): a new event drops only its own community's answers.
 */
export class PerCommunityCache<V> {
  readonly #byCommunity = new Map<string, Map<string, V>>();

  constructor(private readonly perCommunity: number) {}

  get(communityId: string, key: string): V | undefined {
    return this.#byCommunity.get(communityId)?.get(key);
  }

  set(communityId: string, key: string, value: V): void {
    let answers = this.#byCommunity.get(communityId);
    if (!answers) {
      answers = new Map();
      this.#byCommunity.set(communityId, answers);
    }
    if (answers.size >= this.perCommunity) answers.delete(answers.keys().next().value as string);
    answers.set(key, value);
  }

  drop(communityId: string): void {
    this.#byCommunity.delete(communityId);
  }
}
