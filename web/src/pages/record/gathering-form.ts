import { gatheringFormats, participantRoles } from "@copgraph/domain";
import { api } from "../../core/api.js";
import { h } from "../../core/dom.js";
import type { RecordContext } from "./context.js";
import { dateProblems, longDate, occurredAt, today } from "./dates.js";
import { type Field, field, input, optional, select } from "./fields.js";
import type { Problem } from "./form-errors.js";
import { formShell } from "./form-shell.js";
import { memberField } from "./members.js";
import { loadUsual, saveUsual } from "./remembered.js";
import { type Row, rowList, rowResolver } from "./rows.js";

interface ParticipantRow extends Row {
  readonly member: Field<HTMLInputElement>;
  readonly role: Field<HTMLSelectElement>;
}

/**
 * Log last week's gathering in under a minute: today and the usual format are filled
 * in, members are searched, and every problem is shown next to the field it concerns.
 */
export function gatheringForm(context: RecordContext): HTMLElement {
  const { communityId, directory } = context;
  const shell = formShell(
    communityId,
    "Log a gathering",
    "Who came, who facilitated, who learned, where and in what format.",
    "Log the gathering",
  );
  const usual = loadUsual(communityId);

  const title = field("Title", input("title", { maxlength: 200 }), {
    hint: "Optional, e.g. “Healthy canteen design sprint”.",
  });
  const format = field("Format", select("format", gatheringFormats));
  format.control.value = usual.gatheringFormat ?? "meeting";
  // Never filled from browser storage: where members meet is personal.
  const place = field("Place", input("place", { maxlength: 200 }), { hint: "Optional." });
  const date = field("Date", input("date", { type: "date", max: today(), value: today(), required: true }));
  const duration = field(
    "Duration in minutes",
    input("durationMinutes", { type: "number", min: 1, max: 10080, step: 1 }),
    {
      hint: "Optional.",
    },
  );

  let count = 0;
  const participants = rowList<ParticipantRow>({
    legend: "Participants",
    noun: "participant",
    hint: "At least two. Roles: facilitator, presenter, host and mentor give; learner, mentee and observer receive.",
    initial: 2,
    create: () => {
      // The first row is usually whoever facilitated; the others take part.
      const member = memberField(directory, "Member", "memberId");
      const role = field("Role", select("role", participantRoles));
      role.control.value = count++ === 0 ? "facilitator" : "participant";
      return {
        element: h("div", { class: "rec-row-fields" }, member.element, role.element),
        member,
        role,
        renumber(position) {
          member.control.setAttribute("aria-label", `Participant ${position}: member`);
          role.control.setAttribute("aria-label", `Participant ${position}: role`);
        },
        focus: () => member.control.focus(),
      };
    },
  });

  shell.body.append(
    h("div", { class: "rec-grid" }, title.element, format.element, place.element, date.element, duration.element),
    participants.element,
  );
  shell.errors.add("/title", title.error);
  shell.errors.add("/format", format.error);
  shell.errors.add("/place", place.error);
  shell.errors.add("/occurredAt", date.error);
  shell.errors.add("/durationMinutes", duration.error);
  shell.errors.addResolver(
    rowResolver("participants", participants, (row, name) => (name === "role" ? row.role.error : row.member.error)),
  );

  shell.onSubmit(async () => {
    const rows = participants.rows();
    const problems: Problem[] = [...dateProblems(date.control.value)];
    rows.forEach((row, index) => {
      if (!row.member.control.value.trim()) {
        problems.push({ pointer: `/participants/${index}/memberId`, message: "Choose a member, or remove this row." });
      }
    });
    if (rows.length < 2)
      problems.push({ pointer: "/participants", message: "A gathering needs at least two participants." });
    const minutes = optional(duration.control);
    if (minutes !== undefined && !/^\d+$/.test(minutes)) {
      problems.push({ pointer: "/durationMinutes", message: "Give whole minutes, e.g. 90." });
    }
    if (problems.length > 0) return shell.errors.show(problems);

    const day = date.control.value;
    const body = {
      format: format.control.value,
      occurredAt: occurredAt(day, "record"),
      title: optional(title.control),
      place: optional(place.control),
      durationMinutes: minutes === undefined ? undefined : Number(minutes),
      participants: rows.map((row) => ({ memberId: row.member.control.value.trim(), role: row.role.control.value })),
    };
    const result = await api.recordGathering(communityId, body);
    const gatheringId = result.events[0]?.recordId ?? "";
    saveUsual(communityId, { gatheringFormat: body.format });
    context.records.add(gatheringId, `gathering, ${longDate(day)}`);
    shell.confirm(
      `Gathering logged: ${body.participants.length} participants, ${body.format}${body.place ? ` at ${body.place}` : ""}, ${longDate(day)}.`,
      h("p", { class: "rec-muted" }, `Record id ${gatheringId} (to retract it if it was a mistake).`),
    );
    // Ready for the next one: keep the date, place and format; clear who came.
    count = 0;
    title.control.value = "";
    duration.control.value = "";
    participants.reset(2);
  });
  return shell.form;
}
