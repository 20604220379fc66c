// A server of one data folder that may be stopped and started again (the restart measure), with the
// peak resident memory (VmHWM) of every process it ran: the suite's peak-memory figure.
import { type CopgraphServer, startCopgraph } from "./copgraph-serve.js";
import type { Entry } from "./options.js";

export class TrackedServer {
  private server: CopgraphServer | undefined;
  /** VmHWM of each process, read just before it was stopped (and of the running one on peak()). */
  readonly peaks: number[] = [];

  constructor(
    private readonly entry: Entry,
    readonly dataDir: string,
    private readonly startTimeoutMs: number,
  ) {}

  /** The running server, started again when a measure left it stopped (a failed restart). */
  async running(): Promise<CopgraphServer> {
    return this.server ?? (await this.start());
  }

  async start(): Promise<CopgraphServer> {
    if (this.server) throw new Error("the server is already running");
    this.server = await startCopgraph(this.entry, this.dataDir, {}, this.startTimeoutMs);
    return this.server;
  }

  async stop(graceMs?: number): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.peaks.push(server.peakRss());
    this.server = undefined;
    await server.stop(graceMs);
  }

  /** The highest VmHWM of all processes so far, bytes (-1 when none could be read). */
  peak(): number {
    return Math.max(-1, ...this.peaks, this.server?.peakRss() ?? -1);
  }
}
