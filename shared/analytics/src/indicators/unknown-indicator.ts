/**
 * An indicator id that no family holds. A RangeError, as before it had a class of its own, so
 * callers that refuse bad arguments (the CLI's usage errors) still do.
 */
export class UnknownIndicatorError extends RangeError {
  constructor(
    readonly id: string,
    known: readonly string[],
  ) {
    super(`unknown indicator '${id}'; known: ${known.join(", ")}`);
    this.name = "UnknownIndicatorError";
  }
}
