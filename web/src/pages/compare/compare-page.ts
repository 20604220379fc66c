import "./compare.css";
import type { CommunitySummary } from "@copgraph/contract";
import { api } from "../../core/api.js";
import { h, mount } from "../../core/dom.js";
import { indicatorDescriptions } from "../../core/indicator-descriptions.js";
import type { Page } from "../../core/router.js";
import { communityPicker } from "./community-picker.js";
import { compareRows, type GroupAttribute, groupAttributes } from "./compare-rows.js";
import { atFor, type CompareState, readState, stateHash, today } from "./compare-state.js";
import { compareTable } from "./compare-table.js";

const indicators = compareRows.map((row) => row.indicator).join(",");

/** Grouping attribute and as-of date; each change calls `onChange` with the new state. */
function queryControls(state: () => CompareState, onChange: (next: CompareState) => void): HTMLElement {
  const attribute = h(
    "select",
    { id: "cmp-attribute", name: "attribute" },
    ...groupAttributes.map((g) =>
      h(
        "option",
        { value: g.value, selected: g.value === state().attribute },
        g.label[0]?.toUpperCase() + g.label.slice(1),
      ),
    ),
  );
  attribute.addEventListener("change", () => onChange({ ...state(), attribute: attribute.value as GroupAttribute }));
  const asOf = h("input", { id: "cmp-as-of", name: "at", type: "date", max: today(), value: state().asOf });
  asOf.addEventListener("change", () => onChange({ ...state(), asOf: asOf.value }));
  return h(
    "div",
    { class: "cmp-query-controls" },
    h("div", { class: "cmp-field" }, h("label", { for: "cmp-attribute" }, "Groups by"), attribute),
    h(
      "div",
      { class: "cmp-field" },
      h("label", { for: "cmp-as-of" }, "As of"),
      asOf,
      h("span", { class: "cmp-muted" }, "end of that day; empty for now"),
    ),
  );
}

/**
 * Communities side by side on the same indicators, each against its own baseline. No member-level
 * data, and no ordering by value: columns follow the list of communities.
 */
const page: Page = (root, route) => {
  let alive = true;
  let state = readState(route.query);
  let latest = 0;
  let known: readonly CommunitySummary[] = [];
  const heading = h("h1", {}, "Compare communities");
  const output = h("div", { class: "cmp-output", "aria-live": "polite" });

  async function refresh(): Promise<void> {
    const current = ++latest;
    // Columns in the list's order (by name), whatever order the ids came in: no ranking.
    const ids = known.map((c) => c.communityId).filter((id) => state.ids.includes(id));
    const unknown = state.ids.filter((id) => !ids.includes(id));
    const note = unknown.length
      ? h("p", { class: "cmp-note" }, `Left out, no such community: ${unknown.join(", ")}.`)
      : null;
    if (ids.length === 0) {
      mount(
        output,
        note,
        h("p", { class: "empty" }, "Pick two or more communities to see them side by side on the same readings."),
      );
      return;
    }
    mount(output, note, h("p", { class: "cmp-muted", role: "status" }, "Comparing…"));
    output.setAttribute("aria-busy", "true");
    try {
      const [response, descriptions] = await Promise.all([
        api.compare(ids, { indicators, attribute: state.attribute, at: atFor(state.asOf) }),
        indicatorDescriptions(),
      ]);
      if (!alive || current !== latest) return;
      mount(
        output,
        note,
        ids.length === 1 ? h("p", { class: "cmp-note" }, "Pick another community to compare with.") : null,
        compareTable(response, state.attribute, descriptions),
      );
    } catch (error) {
      if (!alive || current !== latest) return;
      const retry = h("button", { type: "button", onclick: () => void refresh() }, "Try again");
      mount(
        output,
        h("p", { class: "error", role: "alert" }, `Could not compare: ${(error as Error).message}. `, retry),
      );
    } finally {
      if (current === latest) output.setAttribute("aria-busy", "false");
    }
  }

  // replaceState, not a hash change: the router would redraw the page and lose the focus.
  const update = (next: CompareState) => {
    state = next;
    history.replaceState(null, "", stateHash(state));
    void refresh();
  };

  async function start(): Promise<void> {
    mount(root, h("section", { class: "cmp-page" }, heading, h("p", { class: "cmp-muted" }, "Loading communities…")));
    try {
      known = (await api.communities()).communities;
    } catch (error) {
      if (!alive) return;
      const retry = h("button", { type: "button", onclick: () => void start() }, "Try again");
      mount(
        root,
        h(
          "section",
          { class: "cmp-page" },
          heading,
          h(
            "p",
            { class: "error", role: "alert" },
            `Could not load the communities: ${(error as Error).message}. `,
            retry,
          ),
        ),
      );
      return;
    }
    if (!alive) return;
    if (known.length === 0) {
      mount(
        root,
        h(
          "section",
          { class: "cmp-page" },
          heading,
          h(
            "p",
            { class: "empty" },
            "No communities to compare yet. Register one through the ",
            h("a", { href: "/docs" }, "API"),
            ", then come back.",
          ),
        ),
      );
      return;
    }
    mount(
      root,
      h(
        "section",
        { class: "cmp-page" },
        heading,
        h(
          "p",
          { class: "cmp-intro" },
          "The same readings for each community, each next to its own baseline, so a small and a large community compare fairly. A mirror for reflection, not a ranking.",
        ),
        h(
          "div",
          { class: "cmp-layout" },
          h(
            "form",
            {
              class: "cmp-controls",
              "aria-label": "What to compare",
              onsubmit: (event: Event) => event.preventDefault(),
            },
            communityPicker(known, state.ids, (ids) => update({ ...state, ids })),
            queryControls(() => state, update),
          ),
          output,
        ),
      ),
    );
    await refresh();
  }

  void start();
  return () => {
    alive = false;
  };
};
export default page;
