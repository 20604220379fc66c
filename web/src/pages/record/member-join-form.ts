import { learningEnvironments, occupationalLayers, sectors } from "@copgraph/domain";
import { api } from "../../core/api.js";
import { h } from "../../core/dom.js";
import { attributeRows } from "./attribute-rows.js";
import type { RecordContext } from "./context.js";
import { dateProblems, longDate, occurredAt, today } from "./dates.js";
import { field, input, optional, select } from "./fields.js";
import type { Problem } from "./form-errors.js";
import { formShell } from "./form-shell.js";

/** A member joins: who they are, their sector and occupational layer, and when they joined. */
export function memberJoinForm(context: RecordContext): HTMLElement {
  const { communityId } = context;
  const shell = formShell(
    communityId,
    "Add a member",
    "Sector and occupational layer are what the mixing readings group by.",
    "Add the member",
  );
  const displayName = field("Name", input("displayName", { maxlength: 200 }));
  const memberId = field("Member id", input("memberId", { maxlength: 128, spellcheck: false }), {
    hint: "Optional: leave empty and copgraph chooses one. Letters, digits, _ . : -",
  });
  const sector = field("Sector", select("sector", sectors, "Choose…"));
  const layer = field("Occupational layer", select("occupationalLayer", occupationalLayers, "Choose…"));
  const organisation = field("Organisation", input("organisation", { maxlength: 200 }), { hint: "Optional." });
  const environment = field(
    "Learning environment",
    select("learningEnvironment", learningEnvironments, "not recorded"),
    {
      hint: "Optional: formal, non-formal or informal learning.",
    },
  );
  const joined = field("Joined on", input("joinedAt", { type: "date", max: today(), value: today() }));
  const attributes = attributeRows(shell.errors, { hint: "Optional, e.g. region: north.", emptyRemoves: false });

  shell.body.append(
    h(
      "div",
      { class: "rec-grid" },
      displayName.element,
      memberId.element,
      sector.element,
      layer.element,
      organisation.element,
      environment.element,
      joined.element,
    ),
    attributes.element,
  );
  const fields = {
    "/displayName": displayName,
    "/memberId": memberId,
    "/sector": sector,
    "/occupationalLayer": layer,
    "/organisation": organisation,
    "/learningEnvironment": environment,
    "/occurredAt": joined,
  };
  for (const [pointer, { error }] of Object.entries(fields)) shell.errors.add(pointer, error);

  shell.onSubmit(async () => {
    const problems: Problem[] = [...dateProblems(joined.control.value), ...attributes.problems()];
    if (!displayName.control.value.trim())
      problems.push({ pointer: "/displayName", message: "Give the member's name." });
    if (!sector.control.value) problems.push({ pointer: "/sector", message: "Choose a sector." });
    if (!layer.control.value)
      problems.push({ pointer: "/occupationalLayer", message: "Choose an occupational layer." });
    if (problems.length > 0) return shell.errors.show(problems);

    const day = joined.control.value;
    const body = {
      memberId: optional(memberId.control),
      displayName: displayName.control.value.trim(),
      sector: sector.control.value,
      occupationalLayer: layer.control.value,
      organisation: optional(organisation.control),
      learningEnvironment: optional(environment.control),
      attributes: attributes.values(),
      occurredAt: occurredAt(day, "join"),
    };
    const result = await api.joinMember(communityId, body);
    const id = result.events[0]?.recordId ?? body.memberId ?? "";
    context.directory.add(id, {
      displayName: body.displayName,
      sector: body.sector,
      occupationalLayer: body.occupationalLayer,
      ...(body.organisation ? { organisation: body.organisation } : {}),
    });
    shell.confirm(
      `${body.displayName} joined on ${longDate(day)}, as member ${id}. They can now be found in the member search.`,
    );
    for (const control of [displayName, memberId, organisation].map((f) => f.control)) control.value = "";
    sector.control.value = "";
    layer.control.value = "";
    environment.control.value = "";
    attributes.reset();
  });
  return shell.form;
}
