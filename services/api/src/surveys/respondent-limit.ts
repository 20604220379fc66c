/** How many respondent requests one address may send, and how many of them may name no valid link. */
export interface RespondentLimits {
  readonly windowMs: number;
  /** Every respondent request of an address in a window (people behind one office address share it). */
  readonly requests: number;
  /** Requests whose token opened nothing: guessing stops here long before it could find anything. */
  readonly misses: number;
}

export const defaultRespondentLimits: RespondentLimits = { windowMs: 10 * 60_000, requests: 600, misses: 20 };

interface Spent {
  windowStart: number;
  requests: number;
  misses: number;
}

/**
 * Fixed windows per address, in memory: the respondent routes carry no API key, so the address is
 * all there is to count by. Over either budget every respondent request of the address gets 429
 * until the window ends.
 */
export class RespondentLimit {
  readonly #spent = new Map<string, Spent>();

  constructor(
    private readonly limits: RespondentLimits,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Counts a request; the seconds to wait when the address is over a budget, else undefined. */
  admit(address: string): number | undefined {
    const spent = this.#current(address);
    spent.requests += 1;
    if (spent.requests > this.limits.requests || spent.misses >= this.limits.misses) return this.#retryAfter(spent);
    return undefined;
  }

  /** Counts a request whose token opened nothing. */
  miss(address: string): void {
    this.#current(address).misses += 1;
  }

  #current(address: string): Spent {
    const now = this.clock();
    let spent = this.#spent.get(address);
    if (!spent || now - spent.windowStart >= this.limits.windowMs) {
      if (this.#spent.size > 100_000) this.#forgetOld(now);
      spent = { windowStart: now, requests: 0, misses: 0 };
      this.#spent.set(address, spent);
    }
    return spent;
  }

  #retryAfter(spent: Spent): number {
    return Math.max(1, Math.ceil((spent.windowStart + this.limits.windowMs - this.clock()) / 1000));
  }

  #forgetOld(now: number): void {
    for (const [address, spent] of this.#spent)
      if (now - spent.windowStart >= this.limits.windowMs) this.#spent.delete(address);
  }
}
