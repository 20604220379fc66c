import { gatheringFormats, interactionKinds } from "@copgraph/domain";
import { api } from "../../core/api.js";
import { h } from "../../core/dom.js";
import type { RecordContext } from "./context.js";
import { dateProblems, longDate, occurredAt, today } from "./dates.js";
import { type Field, field, input, listOf, optional, select, textArea } from "./fields.js";
import type { Problem } from "./form-errors.js";
import { formShell } from "./form-shell.js";
import { memberField } from "./members.js";
import { loadUsual, saveUsual } from "./remembered.js";
import { type Row, rowList, rowResolver } from "./rows.js";

interface RecipientRow extends Row {
  readonly member: Field<HTMLInputElement>;
}

const kindLabels: Record<string, string> = {
  advice: "advice",
  "knowledge-sharing": "knowledge sharing",
  mentoring: "mentoring",
  feedback: "feedback",
  introduction: "introduction",
  collaboration: "collaboration (both ways)",
};

/** One interaction: who gave (from) to whom (to, one or several), what kind, when. */
export function interactionForm(context: RecordContext): HTMLElement {
  const { communityId, directory } = context;
  const shell = formShell(
    communityId,
    "Log an interaction",
    "Advice, knowledge shared, mentoring, feedback, an introduction or a collaboration between members.",
    "Log the interaction",
  );
  const usual = loadUsual(communityId);

  const kind = field(
    "Kind",
    select(
      "kind",
      interactionKinds.map((value) => ({ value, label: kindLabels[value] })),
    ),
  );
  kind.control.value = usual.interactionKind ?? "advice";
  const from = memberField(directory, "From (who gave)", "from");
  const recipients = rowList<RecipientRow>({
    legend: "To (who received)",
    noun: "recipient",
    initial: 1,
    create: () => {
      const member = memberField(directory, "Member", "to");
      return {
        element: h("div", { class: "rec-row-fields" }, member.element),
        member,
        renumber: (position) => member.control.setAttribute("aria-label", `Recipient ${position}`),
        focus: () => member.control.focus(),
      };
    },
  });
  const date = field("Date", input("date", { type: "date", max: today(), value: today() }));
  const format = field("Format", select("format", gatheringFormats, "not recorded"), {
    hint: "Optional: the setting.",
  });
  format.control.value = usual.interactionFormat ?? "";
  const topics = field("Topics", input("topics"), { hint: "Optional, separated by commas, e.g. nutrition, sport." });
  const notes = field("Notes", textArea("notes"), { hint: "Optional. Personal data: never in research exports." });

  shell.body.append(
    h("div", { class: "rec-grid" }, kind.element, from.element),
    recipients.element,
    h("div", { class: "rec-grid" }, date.element, format.element, topics.element),
    notes.element,
  );
  shell.errors.add("/kind", kind.error);
  shell.errors.add("/from", from.error);
  shell.errors.add("/occurredAt", date.error);
  shell.errors.add("/format", format.error);
  shell.errors.add("/topics", topics.error, "Topic");
  shell.errors.add("/notes", notes.error);
  shell.errors.addResolver(rowResolver("to", recipients, (row) => row.member.error));

  shell.onSubmit(async () => {
    const problems: Problem[] = [...dateProblems(date.control.value)];
    if (!from.control.value.trim()) problems.push({ pointer: "/from", message: "Choose who gave." });
    recipients.rows().forEach((row, index) => {
      if (!row.member.control.value.trim()) {
        problems.push({ pointer: `/to/${index}`, message: "Choose a member, or remove this row." });
      }
    });
    if (problems.length > 0) return shell.errors.show(problems);

    const day = date.control.value;
    const body = {
      kind: kind.control.value,
      from: from.control.value.trim(),
      to: recipients.rows().map((row) => row.member.control.value.trim()),
      occurredAt: occurredAt(day, "record"),
      format: optional(format.control),
      topics: listOf(topics.control),
      notes: optional(notes.control),
    };
    const result = await api.recordInteraction(communityId, body);
    const interactionId = result.events[0]?.recordId ?? "";
    saveUsual(communityId, { interactionKind: body.kind, interactionFormat: body.format ?? "" });
    context.records.add(interactionId, `${body.kind}, ${longDate(day)}`);
    shell.confirm(
      `Interaction logged: ${kindLabels[body.kind] ?? body.kind} from ${body.from} to ${body.to.join(", ")}, ${longDate(day)}.`,
      h("p", { class: "rec-muted" }, `Record id ${interactionId} (to retract it if it was a mistake).`),
    );
    from.control.value = "";
    topics.control.value = "";
    notes.control.value = "";
    recipients.reset(1);
  });
  return shell.form;
}
