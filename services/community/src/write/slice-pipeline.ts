import type { WriteResult } from "@copgraph/contract";

/** Slices written at once: the next one is prepared while the store writes the one before. */
const IN_FLIGHT = 2;

/**
 * Keeps at most two slices of a history in flight, in order. Slices settle in order, and a failed
 * one fails the later ones too (their expected revision never comes), so the first failure is the
 * one reported.
 */
export class SlicePipeline {
  private readonly inFlight: Promise<WriteResult>[] = [];
  private stored = 0;

  constructor(private readonly onProgress?: (stored: number) => void) {}

  /** Starts `slice` (already appending) and waits while too many are in flight. */
  async add(slice: Promise<WriteResult>, events: number): Promise<void> {
    slice.then(() => {
      this.stored += events;
      this.onProgress?.(this.stored);
    }, noop);
    this.inFlight.push(slice);
    if (this.inFlight.length >= IN_FLIGHT) await this.inFlight.shift();
  }

  /** Waits for every slice; the number of events stored. */
  async finish(): Promise<number> {
    while (this.inFlight.length > 0) await this.inFlight.shift();
    return this.stored;
  }
}

const noop = () => {};
