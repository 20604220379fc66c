import { api } from "../../core/api.js";
import { h } from "../../core/dom.js";
import { type Field, field, input } from "./fields.js";

const DATALIST_ID = "rec-members";

/**
 * The members to search, from the community's graph (ids and attributes; names are not in the
 * graph). One datalist serves every member field; members added on this page join it at once.
 */
export class MemberDirectory {
  readonly datalist = h("datalist", { id: DATALIST_ID });
  readonly status = h("p", { class: "rec-muted", role: "status" }, "Loading the members…");
  private readonly members = new Map<string, Record<string, string>>();

  constructor(private readonly communityId: string) {}

  async load(): Promise<void> {
    try {
      const graph = await api.graph(this.communityId, {});
      for (const node of graph.nodes) this.members.set(node.id, node.attributes);
      this.render();
    } catch (error) {
      this.status.textContent = `Could not load the members (${(error as Error).message}); you can still type member ids.`;
    }
  }

  add(id: string, attributes: Record<string, string>): void {
    this.members.set(id, { ...this.members.get(id), ...attributes });
    this.render();
  }

  has(id: string): boolean {
    return this.members.has(id);
  }

  /** "Ada Jansen · education · professional · Noorderpoort College" for a known member. */
  describe(id: string): string | undefined {
    const attributes = this.members.get(id);
    if (!attributes) return undefined;
    const { displayName, sector, occupationalLayer, organisation } = attributes;
    return [displayName, sector, occupationalLayer, organisation].filter(Boolean).join(" · ");
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
        : `${ids.length} members to search by id, sector or organisation.`;
  }
}

/** A member search: an input with the members' datalist; the hint says who the id is. */
export function memberField(
  directory: MemberDirectory,
  label: string,
  name: string,
  hint?: string,
): Field<HTMLInputElement> {
  const control = input(name, { list: DATALIST_ID, spellcheck: false, placeholder: "Search by id, sector…" });
  const result = field(label, control, { hint });
  const describe = () => {
    const id = control.value.trim();
    const who = id ? directory.describe(id) : undefined;
    result.hint.textContent = who ?? (id && !directory.has(id) ? "Not in the member list (yet)." : (hint ?? ""));
    result.hint.hidden = result.hint.textContent === "";
  };
  control.addEventListener("input", describe);
  control.addEventListener("change", describe);
  return result;
}
