import type { RecordedEvent } from "../port.js";

/**
 * The events this process committed last, in position order, as the objects it appended. Live
 * subscribers read them from here instead of reading the rows back and parsing their JSON again;
 * anything older comes from the file. Only this process writes the file, so the tail is complete
 * from its first position on.
 */
export class RecentEvents {
  private events: RecordedEvent[] = [];
  private start = 0;

  constructor(private readonly capacity: number) {}

  add(event: RecordedEvent): void {
    this.events.push(event);
    if (this.events.length - this.start > this.capacity) this.start += 1;
    // Drop the forgotten front now and then, not on every add.
    if (this.start > this.capacity) {
      this.events = this.events.slice(this.start);
      this.start = 0;
    }
  }

  /** Forgets every event: what comes next starts a new tail (events stored past it are read from the file). */
  clear(): void {
    this.events = [];
    this.start = 0;
  }

  /** Events with position > `after`, at most `limit`; undefined when the tail does not reach back that far. */
  after(after: bigint, limit: number): RecordedEvent[] | undefined {
    const first = this.events[this.start];
    if (!first || first.position.commit > after + 1n) return undefined;
    // Positions are consecutive in the tail: the event after `after` is at a known offset.
    const offset = this.start + Number(after + 1n - first.position.commit);
    return this.events.slice(offset, offset + limit);
  }
}
