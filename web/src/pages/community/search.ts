import type { MemberListEntry } from "@copgraph/contract";
import { h, mount } from "../../core/dom.js";
import { describeMember, MemberNames } from "../../core/member-names.js";

export interface Search {
  readonly element: HTMLElement;
  /** The members in the view, named as the caller may see them. */
  setMembers(names: MemberNames, inView: readonly string[]): void;
}

/** Most matches listed at once: more means the text says too little. */
const MAX_MATCHES = 12;

/**
 * Find a member by name, id or organisation: a labelled input with the members as suggestions.
 * One member found opens (through `open`); several are listed to choose from; none is said plainly.
 */
export function createSearch(open: (member: string) => void): Search {
  const list = h("datalist", { id: "cg-members" });
  const message = h("span", { class: "cg-search-message", role: "status" });
  // Several members found: a list under the field, saying how many, to choose one from.
  const caption = h("p", { class: "cg-search-caption", role: "status" });
  const found = h("ul", { "aria-label": "Members found" });
  const matches = h("div", { class: "cg-search-matches" }, caption, found);
  matches.hidden = true;
  const input = h("input", {
    id: "cg-search",
    type: "search",
    list: "cg-members",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: "Name, id or organisation",
  });
  let names = MemberNames.none;
  let inView = new Set<string>();
  /** Exactly what a suggestion puts in the input: choosing one goes at once. */
  let suggestions = new Set<string>();

  const clear = () => {
    message.textContent = "";
    caption.textContent = "";
    found.replaceChildren();
    matches.hidden = true;
  };
  const choose = (id: string) => {
    clear();
    open(id);
  };
  const matchButton = (member: MemberListEntry) =>
    h(
      "li",
      {},
      h(
        "button",
        { type: "button", class: "cg-link-button", "data-member-id": member.id, onclick: () => choose(member.id) },
        member.displayName ? `${describeMember(member)} (${member.id})` : member.id,
      ),
    );
  const go = () => {
    const text = input.value.trim();
    clear();
    if (!text) return;
    const members = names.match(text, (id) => inView.has(id));
    // Members not in the list (a list that failed to load) are still found by their exact id.
    if (members.length === 0 && inView.has(text)) return choose(text);
    if (members.length === 1) return choose(members[0]!.id);
    if (members.length === 0) {
      message.textContent = `No member “${text}” in this view.`;
      return;
    }
    caption.textContent =
      members.length > MAX_MATCHES
        ? `${members.length} members match “${text}”; the first ${MAX_MATCHES}:`
        : `${members.length} members match “${text}”:`;
    mount(found, ...members.slice(0, MAX_MATCHES).map(matchButton));
    matches.hidden = false;
  };
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      go();
    }
  });
  // Picking a suggestion replaces the text with a whole name or id: go at once (typing "m1" on the
  // way to "m12" does not).
  input.addEventListener("input", (event) => {
    const type = (event as InputEvent).inputType;
    if ((type === undefined || type === "insertReplacementText") && suggestions.has(input.value.trim())) go();
    else clear();
  });
  const element = h(
    "div",
    { class: "cg-field cg-search", role: "search" },
    h("label", { for: "cg-search" }, "Find a member"),
    input,
    list,
    message,
    matches,
  );
  return {
    element,
    setMembers(next, ids) {
      // Another view: what the last search said of the previous one no longer holds.
      clear();
      names = next;
      inView = new Set(ids);
      // A suggestion shows the name (or the id) and, beside it, the id and organisation.
      const options = ids
        .map((id) => {
          const member = next.get(id);
          const value = next.label(id);
          const label = member?.displayName ? [id, member.organisation].filter(Boolean).join(" · ") : undefined;
          return { value, label };
        })
        .sort((a, b) => a.value.localeCompare(b.value, "en", { numeric: true }));
      suggestions = new Set(options.map((option) => option.value));
      mount(list, ...options.map(({ value, label }) => h("option", { value, label })));
    },
  };
}
