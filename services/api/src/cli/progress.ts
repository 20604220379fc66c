/** A progress line on stderr: redrawn in place on a terminal, a line every few seconds otherwise. */
export class Progress {
  private readonly started = Date.now();
  private lastPrinted = 0;

  constructor(
    private readonly label: string,
    private readonly total: number | undefined,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  /** `fraction`: how much of the work is done when the total count is not known (e.g. bytes of a file read). */
  update(done: number, fraction?: number): void {
    const now = Date.now();
    const interval = this.stream.isTTY ? 100 : 5_000;
    if (now - this.lastPrinted < interval && done !== this.total) return;
    this.lastPrinted = now;
    const seconds = Math.max((now - this.started) / 1000, 1e-3);
    const rate = Math.round(done / seconds).toLocaleString("en");
    const share = this.total ? done / this.total : fraction;
    const bar =
      share === undefined ? "" : `[${"#".repeat(Math.round(share * 24)).padEnd(24, " ")}] ${Math.floor(share * 100)}% `;
    const counts = this.total
      ? `${done.toLocaleString("en")}/${this.total.toLocaleString("en")}`
      : done.toLocaleString("en");
    const line = `${this.label} ${bar}${counts} (${rate}/s)`;
    if (this.stream.isTTY) this.stream.write(`\r${line}\u001b[K`);
    else this.stream.write(`${line}\n`);
  }

  done(done: number): void {
    this.lastPrinted = 0;
    this.update(done, this.total ? undefined : 1);
    if (this.stream.isTTY) this.stream.write("\n");
  }
}
