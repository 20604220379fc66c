import type { MemberListEntry } from "@copgraph/contract";

// Who is who in a community, as the caller may see it: names and organisations for admins and
// facilitators, ids only otherwise (a researcher's ids are pseudonyms). Pure: the list is read
// from GET /v1/communities/{id}/members by the pages that use it.

/** Lower case without accents, so "zoe" finds "Zoë". */
export const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .trim();

export class MemberNames {
  static readonly none = new MemberNames([]);
  readonly #byId: ReadonlyMap<string, MemberListEntry>;

  constructor(readonly members: readonly MemberListEntry[]) {
    this.#byId = new Map(members.map((member) => [member.id, member]));
  }

  get(id: string): MemberListEntry | undefined {
    return this.#byId.get(id);
  }

  has(id: string): boolean {
    return this.#byId.has(id);
  }

  /** What to call a member on screen: their name when the caller may see it, else their id. */
  label(id: string): string {
    return this.#byId.get(id)?.displayName ?? id;
  }

  /**
   * The members `text` points at, among those `among` keeps: the member with that id, else those
   * with that name, else those whose name or organisation contains it or whose id starts with it;
   * ordered by what is shown of them.
   */
  match(text: string, among: (id: string) => boolean = () => true): MemberListEntry[] {
    const wanted = fold(text);
    if (!wanted) return [];
    const candidates = this.members.filter((member) => among(member.id));
    const exactId = candidates.filter((member) => member.id === text.trim());
    if (exactId.length > 0) return exactId;
    const exactName = candidates.filter((member) => member.displayName && fold(member.displayName) === wanted);
    if (exactName.length > 0) return byLabel(exactName);
    return byLabel(
      candidates.filter(
        (member) =>
          fold(member.id).startsWith(wanted) ||
          (member.displayName !== undefined && fold(member.displayName).includes(wanted)) ||
          (member.organisation !== undefined && fold(member.organisation).includes(wanted)),
      ),
    );
  }
}

/** A member as a line of text: "Iris Laan · Noorderpoort College" (or the id alone). */
export function describeMember(member: MemberListEntry): string {
  return [member.displayName ?? member.id, member.organisation].filter(Boolean).join(" · ");
}

const byLabel = (members: MemberListEntry[]) =>
  members.sort((a, b) =>
    (a.displayName ?? a.id).localeCompare(b.displayName ?? b.id, "en", { numeric: true, sensitivity: "base" }),
  );
