import type { CommunitySummary } from "@copgraph/contract";
import { h } from "../../core/dom.js";
import { MAX_COMPARED } from "./compare-state.js";

/** A checkbox per community; calls `onChange` with the ids in the list's order. */
export function communityPicker(
  communities: readonly CommunitySummary[],
  selected: readonly string[],
  onChange: (ids: string[]) => void,
): HTMLFieldSetElement {
  const chosen = new Set(selected);
  const note = h("p", { class: "cmp-note", role: "status" });
  const boxes = communities.map((community) =>
    h("input", {
      type: "checkbox",
      name: "community",
      value: community.communityId,
      checked: chosen.has(community.communityId),
    }),
  );
  const changed = () => {
    const ids = boxes.filter((box) => box.checked).map((box) => box.value);
    note.textContent = ids.length > MAX_COMPARED ? `At most ${MAX_COMPARED} communities at once.` : "";
    onChange(ids.slice(0, MAX_COMPARED));
  };
  for (const box of boxes) box.addEventListener("change", changed);
  const clear = h(
    "button",
    {
      type: "button",
      class: "cmp-link-button",
      onclick: () => {
        for (const box of boxes) box.checked = false;
        changed();
      },
    },
    "Clear the selection",
  );
  return h(
    "fieldset",
    { class: "cmp-picker" },
    h("legend", {}, "Communities"),
    h(
      "ul",
      {},
      ...communities.map((community, index) =>
        h(
          "li",
          {},
          h(
            "label",
            {},
            boxes[index],
            " ",
            community.name,
            h(
              "span",
              { class: "cmp-muted" },
              community.activeMembers === null
                ? " · too few members to count"
                : ` · ${community.activeMembers} current members`,
            ),
          ),
        ),
      ),
    ),
    clear,
    note,
  );
}
