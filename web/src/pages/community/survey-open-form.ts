import type { RoundView } from "@copgraph/contract";
import { h } from "../../core/dom.js";
import { problemText } from "./requests.js";
import { questionPicker } from "./survey-question-picker.js";
import { surveyRequests } from "./survey-requests.js";
import { rosterPicker } from "./survey-roster-picker.js";

const DEFAULT_WEEKS = 2;

/** A date field's value (a local day) as the end of that day, or its start for an open date. */
const dayToIso = (value: string, end: boolean) => new Date(`${value}T${end ? "23:59:59" : "00:00:00"}`).toISOString();
const inputDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;

/** Opening a round: a title, the dates, who is asked (every current member unless unticked) and the questions (the whole catalogue unless unticked). */
export function openForm(communityId: string, onOpened: (round: RoundView) => Promise<void>): HTMLElement {
  const title = h("input", {
    id: "cg-survey-title",
    name: "title",
    required: true,
    maxlength: 200,
    autocomplete: "off",
  });
  const opens = h("input", { id: "cg-survey-opens", name: "opensAt", type: "date" });
  const closes = h("input", {
    id: "cg-survey-closes",
    name: "closesAt",
    type: "date",
    required: true,
    value: inputDay(new Date(Date.now() + DEFAULT_WEEKS * 7 * 86_400_000)),
  });
  const status = h("p", { class: "cg-muted", role: "status" });
  const roster = rosterPicker(communityId);
  const questions = questionPicker();
  const submit = h("button", { type: "submit" }, "Open the round");
  const form = h(
    "form",
    {
      class: "cg-survey-form",
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const asked = roster.chosen();
        const refusal = asked?.length === 0 ? "tick at least one member to ask." : questions.problem();
        if (refusal) {
          status.textContent = `Not opened: ${refusal}`;
          return;
        }
        const chosenQuestions = questions.chosen();
        submit.disabled = true;
        status.textContent = "Opening…";
        try {
          const opened = await surveyRequests.open(communityId, {
            title: title.value.trim(),
            closesAt: dayToIso(closes.value, true),
            ...(opens.value ? { opensAt: dayToIso(opens.value, false) } : {}),
            ...(asked ? { roster: asked } : {}),
            ...(chosenQuestions ? { questions: chosenQuestions } : {}),
          });
          status.textContent = `“${opened.title}” is open for ${opened.rosterSize} members. Download their links below.`;
          title.value = "";
          details.open = false;
          await onOpened(opened);
        } catch (failure) {
          status.textContent = `Not opened: ${problemText(failure)}`;
        } finally {
          submit.disabled = false;
        }
      },
    },
    h("label", { for: title.id }, "Title"),
    title,
    h("label", { for: opens.id }, "Opens on (empty: now)"),
    opens,
    h("label", { for: closes.id }, "Closes at the end of"),
    closes,
    roster.element,
    questions.element,
    h(
      "p",
      { class: "cg-muted" },
      "Unless you untick some: every member current at the open date is asked the whole catalogue (whom they go to for advice, share knowledge with, work with; trust and value of each; three items about the community).",
    ),
    submit,
  );
  const details = h("details", { class: "cg-survey-new" }, h("summary", {}, "Open a round"), form);
  return h("div", {}, details, status);
}
