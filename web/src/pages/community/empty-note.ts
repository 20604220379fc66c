/** What the view shows and how it was asked for, as far as its empty-state note needs. */
export interface EmptyGraphCase {
  readonly members: number;
  readonly ties: number;
  /** The slider's date; undefined when it stands at now. */
  readonly at: string | undefined;
  /** "As known at", in words; undefined for everything known now. */
  readonly knownAt: string | undefined;
}

/**
 * The note under an empty graph: what to do about it, which depends on what made it empty. At
 * now with everything known, moving the slider cannot help: only recording members can.
 */
export function emptyGraphNote({ members, ties, at, knownAt }: EmptyGraphCase): string {
  if (members > 0) return ties > 0 ? "" : "No ties by this date in the selected layers and period.";
  if (knownAt !== undefined) {
    const slider = at === undefined ? "" : ", or move the slider later";
    return `No members had been recorded as known at ${knownAt}: set “As known at” later or choose “Everything known now”${slider}.`;
  }
  if (at !== undefined) return "No members had joined by this date: move the slider later.";
  return "No members yet: add them on the Record page.";
}
