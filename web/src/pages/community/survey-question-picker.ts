import { type SurveyQuestion, surveyQuestions } from "@copgraph/contract";
import { h } from "../../core/dom.js";

export interface QuestionPicker {
  readonly element: HTMLElement;
  /** The question ids ticked; undefined while every one is (the server's default). */
  chosen(): string[] | undefined;
  /** Why the choice cannot open a round, or undefined when it can. */
  problem(): string | undefined;
}

const groups: { kind: SurveyQuestion["kind"]; legend: string }[] = [
  { kind: "name-generator", legend: "Whom they name (each forms a reported tie layer)" },
  { kind: "rating", legend: "How they rate each person named (1–4)" },
  { kind: "community-item", legend: "About the community (1–5)" },
];

/** What a round asks, from the catalogue: everything ticked; at least one name generator. */
export function questionPicker(): QuestionPicker {
  const ticked = new Set(surveyQuestions.map((question) => question.id));
  const summary = h("summary", {});
  const show = () => {
    summary.textContent =
      ticked.size === surveyQuestions.length
        ? `Questions: the whole catalogue (${surveyQuestions.length})`
        : `Questions: ${ticked.size} of ${surveyQuestions.length}`;
  };
  const box = (question: SurveyQuestion) => {
    const input = h("input", {
      type: "checkbox",
      value: question.id,
      checked: true,
      onchange: () => {
        if (input.checked) ticked.add(question.id);
        else ticked.delete(question.id);
        show();
      },
    });
    return h("label", { class: "cg-check" }, input, question.prompt);
  };
  show();
  const element = h(
    "details",
    { class: "cg-survey-question-picker" },
    summary,
    ...groups.map(({ kind, legend }) =>
      h(
        "fieldset",
        {},
        h("legend", {}, legend),
        ...surveyQuestions.filter((question) => question.kind === kind).map(box),
      ),
    ),
  );
  return {
    element,
    chosen: () =>
      ticked.size === surveyQuestions.length
        ? undefined
        : surveyQuestions.filter((question) => ticked.has(question.id)).map((question) => question.id),
    problem: () =>
      surveyQuestions.some((question) => question.kind === "name-generator" && ticked.has(question.id))
        ? undefined
        : "tick at least one question of whom they name: without one the round has no ties to read.",
  };
}
