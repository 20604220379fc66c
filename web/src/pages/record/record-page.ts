import "./record.css";
import type { CommunitySummary } from "@copgraph/contract";
import { ApiError, api } from "../../core/api.js";
import { h, mount } from "../../core/dom.js";
import { links, type Page } from "../../core/router.js";
import { RecentRecords, type RecordContext } from "./context.js";
import { csvImport } from "./csv-import.js";
import { gatheringForm } from "./gathering-form.js";
import { interactionForm } from "./interaction-form.js";
import { memberChangeForm } from "./member-change-form.js";
import { memberJoinForm } from "./member-join-form.js";
import { MemberDirectory } from "./members.js";
import { retractForm } from "./retract-form.js";

const forms = [
  { key: "gathering", label: "Log a gathering", build: gatheringForm },
  { key: "interaction", label: "Log an interaction", build: interactionForm },
  { key: "member", label: "Add a member", build: memberJoinForm },
  { key: "update", label: "Update a member", build: memberChangeForm },
  { key: "retract", label: "Retract a record", build: retractForm },
  { key: "csv", label: "Import a CSV", build: csvImport },
] as const;

/** One button per form; the chosen one is in the URL (`?form=csv`) so a link can open it. */
function formSwitcher(communityId: string, chosen: string, panels: Map<string, HTMLElement>): HTMLElement {
  const buttons = forms.map(({ key, label }) =>
    h("button", { type: "button", "aria-controls": `rec-panel-${key}`, "aria-pressed": String(key === chosen) }, label),
  );
  const show = (key: string) => {
    forms.forEach((form, index) => {
      buttons[index]?.setAttribute("aria-pressed", String(form.key === key));
      const panel = panels.get(form.key);
      if (panel) panel.hidden = form.key !== key;
    });
    // replaceState, not a hash change: the router would redraw the page and lose what was typed.
    history.replaceState(null, "", `${links.record(communityId)}?form=${key}`);
  };
  buttons.forEach((button, index) => {
    button.addEventListener("click", () => show(forms[index]!.key));
  });
  return h("nav", { class: "rec-switcher", "aria-label": "What to record" }, ...buttons);
}

function header(summary: CommunitySummary): HTMLElement {
  return h(
    "header",
    { class: "rec-header" },
    h("p", {}, h("a", { href: links.community(summary.communityId) }, `← ${summary.name}`)),
    h("h1", {}, "Record"),
    h(
      "p",
      { class: "rec-intro" },
      `Log what happened in ${summary.name}: members, interactions and gatherings, one at a time or from a CSV file. Each record is kept in the community's log.`,
    ),
  );
}

/** Forms to record members, interactions and gatherings, to retract a record, and CSV import. */
const page: Page = (root, route) => {
  const communityId = route.communityId ?? "";
  let alive = true;

  async function start(): Promise<void> {
    mount(root, h("section", { class: "rec-page" }, h("h1", {}, "Record"), h("p", { class: "rec-muted" }, "Loading…")));
    let summary: CommunitySummary;
    try {
      summary = await api.community(communityId);
    } catch (error) {
      if (!alive) return;
      const missing = error instanceof ApiError && error.status === 404;
      const retry = h("button", { type: "button", onclick: () => void start() }, "Try again");
      mount(
        root,
        h(
          "section",
          { class: "rec-page" },
          h("h1", {}, "Record"),
          h(
            "p",
            { class: "error", role: "alert" },
            missing
              ? `There is no community “${communityId}”. `
              : `Could not load the community: ${(error as Error).message}. `,
            missing ? h("a", { href: links.overview() }, "Back to the communities") : retry,
          ),
        ),
      );
      return;
    }
    if (!alive) return;
    const directory = new MemberDirectory(communityId);
    const records = new RecentRecords();
    const context: RecordContext = { communityId, directory, records };
    const chosen = forms.some((f) => f.key === route.query.get("form"))
      ? (route.query.get("form") as string)
      : "gathering";
    const panels = new Map(
      forms.map(({ key, build }) => {
        const panel = h("div", { id: `rec-panel-${key}`, class: "rec-panel" }, build(context));
        panel.hidden = key !== chosen;
        return [key, panel] as const;
      }),
    );
    mount(
      root,
      h(
        "section",
        { class: "rec-page" },
        header(summary),
        directory.status,
        directory.datalist,
        records.datalist,
        h("div", { class: "rec-layout" }, formSwitcher(communityId, chosen, panels), h("div", {}, ...panels.values())),
      ),
    );
    await directory.load();
  }

  void start();
  return () => {
    alive = false;
  };
};
export default page;
