// Member ids stay in the immutable log and in every export, erased or not: they must not name
// anyone. A name-like id is accepted (it is the caller's choice) but answered with a warning.
// ('@' and whitespace never get this far: the id pattern refuses them.)

const WORD = 3;

const letters = (text: string) =>
  text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");

/** Why a member id looks like it carries the member's name; empty when it does not. */
export function memberIdWarnings(memberId: string, displayName?: string): string[] {
  if (displayName === undefined) return [];
  const id = letters(memberId);
  const words = [displayName, ...displayName.split(/[\s.,'’-]+/)].map(letters).filter((word) => word.length >= WORD);
  if (!words.some((word) => id.includes(word))) return [];
  return [
    "memberId contains the member's name: ids stay in the log and exports after erasure",
    "use an opaque id (or leave memberId out for a generated one)",
  ];
}
