/** The live-update streams open now, by the key that opened them: each key has a fixed number of places. */
export class OpenStreams {
  readonly #byKey = new Map<string, Set<() => void>>();

  constructor(readonly perKey: number) {}

  /** Whether the key holds all of its places. */
  isFull(keyId: string): boolean {
    return (this.#byKey.get(keyId)?.size ?? 0) >= this.perKey;
  }

  /** Takes a place for a stream; `end` ends it. */
  add(keyId: string, end: () => void): void {
    const streams = this.#byKey.get(keyId) ?? new Set();
    streams.add(end);
    this.#byKey.set(keyId, streams);
  }

  /** Frees the place of a stream that ended. */
  delete(keyId: string, end: () => void): void {
    const streams = this.#byKey.get(keyId);
    streams?.delete(end);
    if (streams?.size === 0) this.#byKey.delete(keyId);
  }

  /** Ends every stream: on shutdown, so it does not wait for clients to hang up. */
  endAll(): void {
    for (const streams of [...this.#byKey.values()]) for (const end of [...streams]) end();
  }
}
