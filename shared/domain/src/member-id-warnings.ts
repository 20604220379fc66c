// Member ids stay in the immutable log and in every export, erased or not: they must not name
// anyone. A name-like id is accepted (it is the caller's choice) but answered with a warning.

const WORD = 3;

const letters = (text: string) =>
  text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");

/** Why a member id looks like it carries a person's name or address; empty when it does not. */
export function memberIdWarnings(memberId: string, displayName?: string): string[] {
  const warnings: string[] = [];
  if (memberId.includes("@")) warnings.push("memberId contains '@': an e-mail address never leaves the log");
  if (/\s/.test(memberId)) warnings.push("memberId contains whitespace: it looks like a name");
  if (displayName !== undefined) {
    const id = letters(memberId);
    const words = [displayName, ...displayName.split(/[\s.,'’-]+/)].map(letters).filter((word) => word.length >= WORD);
    if (words.some((word) => id.includes(word))) {
      warnings.push("memberId contains the member's name: ids stay in the log and exports after erasure");
    }
  }
  if (warnings.length > 0) warnings.push("use an opaque id (or leave memberId out for a generated one)");
  return warnings;
}
