import type { LineError } from "./text.js";

/**
 * Checks the transaction times (`recordedAt`) of an event log being imported, in revision order:
 * a community imported whole keeps them, so they must be real instants, none after the import's
 * `now` (a later write would then be recorded before it), and none before the one before.
 */
export class TransactionTimes {
  private last = Number.NEGATIVE_INFINITY;

  constructor(private readonly now?: number) {}

  /** Reports a problem of this event's recordedAt to `errors`. */
  check(recordedAt: string, line: number, errors: LineError[]): void {
    const time = Date.parse(recordedAt);
    if (!Number.isFinite(time)) {
      errors.push({ line, message: `recordedAt '${recordedAt}' is not a date-time` });
      return;
    }
    // A refused time does not become the one the next is compared with: each problem is its own.
    if (this.now !== undefined && time > this.now) {
      errors.push({ line, message: `recordedAt ${recordedAt} is in the future` });
    } else if (time < this.last) {
      errors.push({
        line,
        message: `recordedAt ${recordedAt} is before the previous event's ${new Date(this.last).toISOString()}`,
      });
    } else this.last = time;
  }
}
