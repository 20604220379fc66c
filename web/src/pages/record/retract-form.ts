import { api } from "../../core/api.js";
import { h } from "../../core/dom.js";
import type { RecordContext } from "./context.js";
import { dateProblems, occurredAt, today } from "./dates.js";
import { field, input, textArea } from "./fields.js";
import type { Problem } from "./form-errors.js";
import { formShell } from "./form-shell.js";

/** Records are never edited: a mistaken interaction or gathering is retracted, with a reason where one may be kept. */
export function retractForm(context: RecordContext): HTMLElement {
  const { communityId } = context;
  const shell = formShell(
    communityId,
    "Retract a record",
    "An interaction or gathering logged by mistake is retracted, not deleted: the log keeps what was said and when.",
    "Retract the record",
  );
  const recordId = field("Record id", input("recordId", { list: context.records.listId, spellcheck: false }), {
    hint: "The id shown when it was logged; this page's records are suggested.",
  });
  const reason = field("Reason", textArea("reason", 2), {
    hint: "e.g. “Logged twice”. Leave it empty for a record of an erased member: no text about them is kept.",
  });
  const date = field("Retracted on", input("date", { type: "date", max: today(), value: today() }));
  shell.body.append(h("div", { class: "rec-grid" }, recordId.element, date.element), reason.element);
  shell.errors.add("/recordId", recordId.error);
  shell.errors.add("/reason", reason.error);
  shell.errors.add("/occurredAt", date.error);

  shell.onSubmit(async () => {
    const problems: Problem[] = [...dateProblems(date.control.value)];
    if (!recordId.control.value.trim()) problems.push({ pointer: "/recordId", message: "Give the id of the record." });
    if (problems.length > 0) return shell.errors.show(problems);

    const id = recordId.control.value.trim();
    const why = reason.control.value.trim();
    await api.retract(communityId, {
      recordId: id,
      ...(why ? { reason: why } : {}),
      occurredAt: occurredAt(date.control.value, "record"),
    });
    shell.confirm(
      `Record ${id} retracted. The readings leave it out; the log keeps both the record and its retraction.`,
    );
    recordId.control.value = "";
    reason.control.value = "";
  });
  return shell.form;
}
