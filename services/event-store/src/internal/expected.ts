import { WrongExpectedVersionError } from "../errors.js";
import type { ExpectedRevision, StreamRevision } from "../port.js";

/** `current` is the revision of the stream's last event, -1n when the stream has no events. */
export function isExpectedRevision(expected: ExpectedRevision, current: StreamRevision): boolean {
  switch (expected) {
    case "any":
      return true;
    case "no_stream":
      return current === -1n;
    case "stream_exists":
      return current >= 0n;
    default:
      return current === expected;
  }
}

export function wrongExpectedVersion(
  streamId: string,
  expected: ExpectedRevision,
  current: StreamRevision,
): WrongExpectedVersionError {
  return new WrongExpectedVersionError(streamId, expected, current < 0n ? "no_stream" : current);
}
