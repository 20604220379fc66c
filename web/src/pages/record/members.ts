import { api } from "../../core/api.js";
import { h } from "../../core/dom.js";
import { fold } from "../../core/member-names.js";
import { slugWords } from "../../core/words.js";
import { type Field, field, input } from "./fields.js";

const DATALIST_ID = "rec-members";

const longDay = (instant: string) =>
  new Date(instant).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/**
 * The members a new record may name, with their names (GET …/members): those who have left or were
 * erased are not offered. One datalist serves every member field; members added on this page join
 * it at once.
 */
export class MemberDirectory {
  readonly datalist = h("datalist", { id: DATALIST_ID });
  readonly status = h("p", { class: "rec-muted", role: "status" }, "Loading the members…");
  /** Current members: their name, organisation and profile, as the forms show them. */
  private readonly members = new Map<string, Record<string, string>>();
  /** Members who may no longer be named, and why, to say so when one is typed anyway. */
  private readonly gone = new Map<string, string>();

  constructor(private readonly communityId: string) {}

  async load(): Promise<void> {
    try {
      const { members } = await api.members(this.communityId);
      this.members.clear();
      this.gone.clear();
      for (const member of members) {
        const name = member.displayName ?? `Member ${member.id}`;
        if (member.status === "active") {
          this.members.set(member.id, {
            ...(member.displayName && { displayName: member.displayName }),
            ...member.attributes,
            ...(member.organisation && { organisation: member.organisation }),
          });
        } else if (member.status === "left") {
          this.gone.set(member.id, `${name} left on ${longDay(member.leftAt ?? member.joinedAt)}.`);
        } else {
          this.gone.set(member.id, `Member ${member.id} was erased.`);
        }
      }
      this.render();
    } catch (error) {
      this.status.textContent = `Could not load the members (${(error as Error).message}); you can still type member ids.`;
    }
  }

  add(id: string, attributes: Record<string, string>): void {
    this.members.set(id, { ...this.members.get(id), ...attributes });
    this.gone.delete(id);
    this.render();
  }

  has(id: string): boolean {
    return this.members.has(id);
  }

  /** "Ada Jansen · education · professional · Noorderpoort College" for a current member. */
  describe(id: string): string | undefined {
    const attributes = this.members.get(id);
    if (!attributes) return undefined;
    const { displayName, sector, occupationalLayer, organisation } = attributes;
    const words = (value: string | undefined) => (value ? slugWords(value) : value);
    return [displayName, words(sector), words(occupationalLayer), organisation].filter(Boolean).join(" · ");
  }

  /** Why a member may not be named in a new record (left, erased), if so. */
  whyNot(id: string): string | undefined {
    return this.gone.get(id);
  }

  /** The id of the one current member with exactly this name (case and accents aside). */
  idOfName(text: string): string | undefined {
    const wanted = fold(text);
    if (!wanted) return undefined;
    const found = [...this.members].filter(([, a]) => a.displayName !== undefined && fold(a.displayName) === wanted);
    return found.length === 1 ? found[0]![0] : undefined;
  }

  attributes(id: string): Record<string, string> | undefined {
    return this.members.get(id);
  }

  private render(): void {
    const ids = [...this.members.keys()].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
    this.datalist.replaceChildren(...ids.map((id) => h("option", { value: id, label: this.describe(id) ?? id })));
    this.status.textContent =
      ids.length === 0
        ? "No members yet: add them first, or import a members CSV."
        : `${ids.length} members to search by name, id, sector or organisation.`;
  }
}

/**
 * A member search: an input with the members' datalist; the hint says who the id is. A name typed
 * whole becomes its member's id when the field is left, since records name members by id.
 */
export function memberField(
  directory: MemberDirectory,
  label: string,
  name: string,
  hint?: string,
): Field<HTMLInputElement> {
  const control = input(name, { list: DATALIST_ID, spellcheck: false, placeholder: "Search by name, id, sector…" });
  const result = field(label, control, { hint });
  const describe = () => {
    const id = control.value.trim();
    const who = id ? (directory.describe(id) ?? directory.whyNot(id)) : undefined;
    result.hint.textContent = who ?? (id && !directory.has(id) ? "Not in the member list (yet)." : (hint ?? ""));
    result.hint.hidden = result.hint.textContent === "";
  };
  control.addEventListener("input", describe);
  control.addEventListener("change", () => {
    const id = directory.idOfName(control.value);
    if (id !== undefined) control.value = id;
    describe();
  });
  return result;
}
