import { learningEnvironments, occupationalLayers, sectors } from "@copgraph/domain";
import { api } from "../../core/api.js";
import { h } from "../../core/dom.js";
import { attributeRows } from "./attribute-rows.js";
import type { RecordContext } from "./context.js";
import { dateProblems, longDate, occurredAt, today } from "./dates.js";
import { field, input, optional, select } from "./fields.js";
import type { Problem } from "./form-errors.js";
import { formShell } from "./form-shell.js";
import { memberField } from "./members.js";

const NO_CHANGE = "no change";
const fieldNames: Record<string, string> = {
  displayName: "name",
  occupationalLayer: "occupational layer",
  learningEnvironment: "learning environment",
};

/** A member's profile changes from a date on (a new sector, a promotion): history is kept. */
export function memberChangeForm(context: RecordContext): HTMLElement {
  const { communityId, directory } = context;
  const shell = formShell(
    communityId,
    "Update a member",
    "Fill in only what changed; the readings use the new values from the date of the change.",
    "Save the change",
  );
  const member = memberField(directory, "Member", "memberId");
  const current = h("p", { class: "rec-current", "aria-live": "polite" });
  const showCurrent = () => {
    const attributes = directory.attributes(member.control.value.trim());
    current.textContent = attributes
      ? `Now: ${Object.entries(attributes)
          .map(([key, value]) => `${fieldNames[key] ?? key} ${value}`)
          .join(" · ")}`
      : "";
  };
  member.control.addEventListener("change", showCurrent);
  member.control.addEventListener("input", showCurrent);

  const displayName = field("New name", input("displayName", { maxlength: 200 }), { hint: "Empty: no change." });
  const sector = field("Sector", select("sector", sectors, NO_CHANGE));
  const layer = field("Occupational layer", select("occupationalLayer", occupationalLayers, NO_CHANGE));
  const organisation = field("Organisation", input("organisation", { maxlength: 200 }), { hint: "Empty: no change." });
  const environment = field(
    "Learning environment",
    select("learningEnvironment", [...learningEnvironments, { value: "-", label: "remove it" }], NO_CHANGE),
  );
  const date = field("Changed on", input("date", { type: "date", max: today(), value: today() }));
  const attributes = attributeRows(shell.errors, {
    hint: "Optional: set a value, or leave the value empty to remove that attribute.",
    emptyRemoves: true,
  });

  shell.body.append(
    h("div", { class: "rec-grid" }, member.element, date.element),
    current,
    h(
      "div",
      { class: "rec-grid" },
      displayName.element,
      sector.element,
      layer.element,
      organisation.element,
      environment.element,
    ),
    attributes.element,
  );
  const fields = {
    "/memberId": member,
    "/displayName": displayName,
    "/sector": sector,
    "/occupationalLayer": layer,
    "/organisation": organisation,
    "/learningEnvironment": environment,
    "/occurredAt": date,
  };
  for (const [pointer, { error }] of Object.entries(fields)) shell.errors.add(pointer, error);

  shell.onSubmit(async () => {
    const memberId = member.control.value.trim();
    const problems: Problem[] = [...dateProblems(date.control.value), ...attributes.problems()];
    if (!memberId) problems.push({ pointer: "/memberId", message: "Choose the member to update." });
    const environmentValue = environment.control.value;
    const body = {
      displayName: optional(displayName.control),
      sector: optional(sector.control),
      occupationalLayer: optional(layer.control),
      organisation: optional(organisation.control),
      learningEnvironment: environmentValue === "-" ? null : optional(environment.control),
      attributes: attributes.values(),
    };
    if (Object.values(body).every((value) => value === undefined)) {
      problems.push({ pointer: "", message: "Nothing to save: fill in at least one thing that changed." });
    }
    if (problems.length > 0) return shell.errors.show(problems);

    const day = date.control.value;
    await api.changeMember(communityId, memberId, { ...body, occurredAt: occurredAt(day, "record") });
    const changed = Object.fromEntries(
      Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
    );
    directory.add(memberId, changed);
    const what = Object.entries(body)
      .filter(([, value]) => value !== undefined)
      .map(([key]) => key)
      .join(", ");
    shell.confirm(`Member ${memberId} updated from ${longDate(day)}: ${what}.`);
    for (const control of [displayName.control, organisation.control]) control.value = "";
    for (const control of [sector.control, layer.control, environment.control]) control.value = "";
    attributes.reset();
    showCurrent();
  });
  return shell.form;
}
