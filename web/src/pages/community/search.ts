import { h, mount } from "../../core/dom.js";

export interface Search {
  readonly element: HTMLElement;
  setMembers(ids: readonly string[]): void;
}

/**
 * Find a member by id: a labelled input with the members as suggestions. Choosing one (Enter or a
 * suggestion) calls `find`, which answers whether the member is in the current view.
 */
export function createSearch(find: (member: string) => boolean): Search {
  const list = h("datalist", { id: "cg-members" });
  const message = h("span", { class: "cg-search-message", role: "status" });
  const input = h("input", {
    id: "cg-search",
    type: "search",
    list: "cg-members",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: "e.g. m12",
  });
  let members = new Set<string>();
  const go = () => {
    const id = input.value.trim();
    if (!id) return;
    message.textContent = find(id) ? "" : `No member “${id}” in this view.`;
  };
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      go();
    }
  });
  // Picking a suggestion replaces the text with an exact id: go at once (typing "m1" on the way
  // to "m12" does not).
  input.addEventListener("input", (event) => {
    const type = (event as InputEvent).inputType;
    if ((type === undefined || type === "insertReplacementText") && members.has(input.value.trim())) go();
    else message.textContent = "";
  });
  const element = h(
    "div",
    { class: "cg-field cg-search", role: "search" },
    h("label", { for: "cg-search" }, "Find a member"),
    input,
    list,
    message,
  );
  return {
    element,
    setMembers(ids) {
      members = new Set(ids);
      const sorted = [...ids].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
      mount(list, ...sorted.map((id) => h("option", { value: id })));
    },
  };
}
