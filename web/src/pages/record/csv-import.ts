import { ApiError, api } from "../../core/api.js";
import { h, mount } from "../../core/dom.js";
import { keyedDownloads } from "../../core/download.js";
import { links } from "../../core/router.js";
import type { RecordContext } from "./context.js";
import { csvProblems } from "./csv-problems.js";
import { field } from "./fields.js";

const kinds = [
  { value: "members", label: "Members", hint: "one row per member" },
  { value: "interactions", label: "Interactions", hint: "one row per interaction" },
  { value: "gatherings", label: "Gatherings", hint: "one row per participant" },
] as const;

/**
 * CSV upload with a preview: choosing a file runs a dry run, which stores nothing and reports
 * either that every row is valid or every bad row. Only a valid file, confirmed, is imported.
 */
export function csvImport(context: RecordContext): HTMLElement {
  const { communityId } = context;
  let kind: string = kinds[0].value;
  let checked: { file: File; text: string } | undefined;
  let lastFile: File | undefined;
  let generation = 0;

  const template = h("a", { download: true });
  const setTemplate = () => {
    template.setAttribute("href", api.urls.csvTemplate(kind));
    template.textContent = `Download the ${kind} template`;
  };
  setTemplate();
  keyedDownloads(template, (message) => mount(result, h("p", { class: "rec-error", role: "alert" }, message)));
  const kindChoice = h(
    "fieldset",
    { class: "rec-group rec-kinds" },
    h("legend", {}, "What the file holds"),
    ...kinds.map((option) =>
      h(
        "label",
        {},
        h("input", { type: "radio", name: "csv-kind", value: option.value, checked: option.value === kind }),
        ` ${option.label} `,
        h("span", { class: "rec-muted" }, `(${option.hint})`),
      ),
    ),
  );
  const file = field("CSV file", h("input", { type: "file", name: "file", accept: ".csv,text/csv" }), {
    hint: "Choosing a file only checks it; nothing is stored until you confirm.",
  });
  const result = h("div", { class: "rec-csv-result", "aria-live": "polite" });

  function showFailure(error: unknown, name: string, text: string): void {
    const rowErrors =
      error instanceof ApiError ? (error.problem?.errors ?? []).filter((e) => e.line !== undefined) : [];
    if (rowErrors.length > 0) {
      mount(
        result,
        csvProblems(name, text, rowErrors, (error as ApiError).problem?.detail ?? (error as Error).message),
      );
      return;
    }
    mount(result, h("p", { class: "error", role: "alert" }, `${name}: ${(error as Error).message}`));
  }

  async function importChecked(button: HTMLButtonElement): Promise<void> {
    if (!checked) return;
    const { file: chosen, text } = checked;
    button.disabled = true;
    button.textContent = "Importing…";
    try {
      const written = await api.importCsv(communityId, kind, chosen, false);
      const events = "events" in written && Array.isArray(written.events) ? written.events.length : 0;
      checked = undefined;
      lastFile = undefined;
      const done = h(
        "div",
        { class: "rec-success", role: "status", tabindex: -1 },
        h(
          "p",
          {},
          h("strong", {}, "✓ "),
          `Imported ${chosen.name}: ${events} ${kind === "members" ? "members" : "records"} stored.`,
        ),
        h("p", {}, h("a", { href: links.community(communityId) }, "Back to the community view")),
      );
      mount(result, done);
      done.focus();
      if (kind === "members") void context.directory.load();
    } catch (error) {
      showFailure(error, chosen.name, text);
    }
  }

  async function check(chosen: File): Promise<void> {
    const current = ++generation;
    checked = undefined;
    lastFile = chosen;
    mount(result, h("p", { class: "rec-muted", role: "status" }, `Checking ${chosen.name}…`));
    const text = await chosen.text();
    try {
      const outcome = await api.importCsv(communityId, kind, chosen, true);
      if (current !== generation) return;
      const rows = "rows" in outcome ? outcome.rows : 0;
      checked = { file: chosen, text };
      const button = h("button", { type: "button", class: "rec-primary" }, `Import them`);
      button.addEventListener("click", () => void importChecked(button));
      mount(
        result,
        h(
          "div",
          { class: "rec-csv-valid" },
          h(
            "p",
            {},
            h("strong", {}, `${rows} ${rows === 1 ? "row is" : "rows are"} valid`),
            ` in ${chosen.name} — import them? Nothing is stored yet.`,
          ),
          button,
        ),
      );
      button.focus();
    } catch (error) {
      if (current === generation) showFailure(error, chosen.name, text);
    }
  }

  file.control.addEventListener("change", () => {
    const chosen = (file.control as HTMLInputElement).files?.[0];
    // Cleared so that choosing the same file again, once fixed, checks it again.
    file.control.value = "";
    if (chosen) void check(chosen);
  });
  kindChoice.addEventListener("change", (event) => {
    kind = (event.target as HTMLInputElement).value;
    setTemplate();
    if (lastFile) void check(lastFile);
  });

  return h(
    "section",
    { class: "rec-form", "aria-labelledby": "rec-csv-title" },
    h("h2", { id: "rec-csv-title" }, "Import a CSV"),
    h(
      "p",
      { class: "rec-intro" },
      "Many members, interactions or gatherings at once, from a spreadsheet. Start from the template: ",
      template,
      ".",
    ),
    h("div", { class: "rec-fields" }, kindChoice, file.element),
    result,
  );
}
