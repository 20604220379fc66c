import { HttpProblem } from "./problem.js";

/** A request that waited its deadline on someone else's work: 503, with when to try again. */
export class RetryLater extends HttpProblem {
  constructor(
    code: string,
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(503, code, detail);
  }
}
