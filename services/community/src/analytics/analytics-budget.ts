import { AnalyticsBudgetExceeded, AnalyticsCancelled } from "../errors.js";

/**
 * One request's allowance of analytics time, shared by every computation it asks for (a timeline's
 * dates, a comparison's communities). Its signal aborts when the time is up (reason:
 * AnalyticsBudgetExceeded) or when the caller goes away (reason: AnalyticsCancelled).
 */
export class AnalyticsBudget {
  readonly #controller = new AbortController();
  readonly #timer: NodeJS.Timeout;
  readonly #callerGone: (() => void) | undefined;

  constructor(
    readonly ms: number,
    private readonly caller?: AbortSignal,
  ) {
    // Retry after about as long as the budget: by then the work in the way has finished or been stopped.
    const retryAfterSeconds = Math.max(1, Math.ceil(ms / 1000));
    this.#timer = setTimeout(() => this.#end(new AnalyticsBudgetExceeded(ms, retryAfterSeconds)), ms);
    this.#timer.unref();
    if (caller?.aborted) this.#end(new AnalyticsCancelled());
    else if (caller) {
      this.#callerGone = () => this.#end(new AnalyticsCancelled());
      caller.addEventListener("abort", this.#callerGone, { once: true });
    }
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** The request is answered: nothing of it runs any more, so its budget stops counting. */
  release(): void {
    clearTimeout(this.#timer);
    if (this.#callerGone) this.caller?.removeEventListener("abort", this.#callerGone);
  }

  #end(reason: Error): void {
    this.release();
    if (!this.#controller.signal.aborted) this.#controller.abort(reason);
  }
}
