import type { RespondentRound } from "@copgraph/contract";
import { h, mount } from "../../core/dom.js";
import { type AnswerDraft, aspectOf, namedMembers, searchable } from "./answer-draft.js";
import { scaleChoice } from "./scale-choice.js";

type Question = RespondentRound["questions"][number];
type Person = RespondentRound["roster"][number];

const nameOf = (person: Person | undefined) => person?.displayName ?? "Someone on the list";

/**
 * The questions of a round as one form: each name generator with the roster searchable by name,
 * the ratings of each person named, the community items. Edits go into `draft`.
 */
export function answerForm(round: RespondentRound, draft: AnswerDraft): HTMLElement {
  const people = new Map(round.roster.map((person) => [person.memberId, person]));
  const generators = round.questions.filter((question) => question.kind === "name-generator");
  const ratingBlocks = round.questions.filter((question) => question.kind === "rating");
  const items = round.questions.filter((question) => question.kind === "community-item");

  const ratings = h("div", { class: "sv-ratings" });
  const renderRatings = () => {
    const named = namedMembers(draft, round.roster);
    mount(
      ratings,
      named.length === 0
        ? h(
            "p",
            { class: "sv-muted" },
            "Nobody named yet: the questions about each person appear here when you name them.",
          )
        : null,
      ...named.map((memberId) => personRatings(nameOf(people.get(memberId)), memberId, ratingBlocks, draft)),
    );
  };

  const form = h(
    "div",
    { class: "sv-questions" },
    h(
      "section",
      { class: "sv-part", "aria-labelledby": "sv-people-title" },
      h("h2", { id: "sv-people-title" }, "The people you turn to"),
      h("p", { class: "sv-muted" }, "Pick as many or as few people as you like, or nobody. Type to find a name."),
      ...generators.map((question) => namePicker(question, round.roster, draft, renderRatings)),
    ),
    ratingBlocks.length > 0 &&
      h(
        "section",
        { class: "sv-part", "aria-labelledby": "sv-rate-title" },
        h("h2", { id: "sv-rate-title" }, "About the people you named"),
        h(
          "p",
          { class: "sv-muted" },
          "From 1 (not at all) to 4 (a great deal). Leave a question blank if you cannot say. The person you rate never sees your rating.",
        ),
        ratings,
      ),
    items.length > 0 &&
      h(
        "section",
        { class: "sv-part", "aria-labelledby": "sv-community-title" },
        h("h2", { id: "sv-community-title" }, "About this community"),
        h("p", { class: "sv-muted" }, "From 1 (strongly disagree) to 5 (strongly agree)."),
        ...items.map((question) =>
          scaleChoice({
            legend: question.prompt,
            min: question.scale?.min ?? 1,
            max: question.scale?.max ?? 5,
            ends: ["strongly disagree", "strongly agree"],
            value: draft.items.get(question.id),
            onPick: (value) => {
              if (value === undefined) draft.items.delete(question.id);
              else draft.items.set(question.id, value);
            },
          }),
        ),
      ),
  );
  renderRatings();
  return form;
}

let pickers = 0;

/** One name generator: its question, a search box and the roster as checkboxes, names only. */
function namePicker(
  question: Question,
  roster: readonly Person[],
  draft: AnswerDraft,
  onChange: () => void,
): HTMLFieldSetElement {
  const id = `sv-pick-${++pickers}`;
  const picked = draft.named.get(question.id) ?? new Set<string>();
  draft.named.set(question.id, picked);
  const count = h("p", { class: "sv-count", "aria-live": "polite" });
  const showCount = () => {
    count.textContent = picked.size === 0 ? "Nobody named." : `${picked.size} named.`;
  };
  const none = h("li", { class: "sv-muted", hidden: true }, "No one on the list by that name.");
  // Alphabetical: a list read by name is scanned by name.
  const byName = [...roster].sort((a, b) => nameOf(a).localeCompare(nameOf(b), "en", { sensitivity: "base" }));
  const rows = byName.map((person, index) => {
    const box = h("input", {
      type: "checkbox",
      id: `${id}-${index}`,
      value: person.memberId,
      checked: picked.has(person.memberId),
      onchange: () => {
        if (box.checked) picked.add(person.memberId);
        else picked.delete(person.memberId);
        showCount();
        onChange();
      },
    });
    const row = h(
      "li",
      { class: "sv-person", "data-name": searchable(nameOf(person)) },
      h("label", { for: box.id }, box, " ", nameOf(person)),
    );
    return { row, box };
  });
  const search = h("input", {
    type: "search",
    id: `${id}-search`,
    autocomplete: "off",
    spellcheck: "false",
    oninput: () => {
      const wanted = searchable(search.value);
      let shown = 0;
      for (const { row, box } of rows) {
        row.hidden = !(box.checked || (row.dataset.name ?? "").includes(wanted));
        if (!row.hidden) shown += 1;
      }
      none.hidden = shown > 0;
    },
  });
  showCount();
  return h(
    "fieldset",
    { class: "sv-picker", "data-question": question.id },
    h("legend", {}, question.prompt),
    h("label", { for: search.id, class: "sv-search-label" }, "Find a name"),
    search,
    h("ul", { class: "sv-roster" }, ...rows.map(({ row }) => row), none),
    count,
  );
}

/** The trust and value questions about one person named, each dimension a 1–4 choice. */
function personRatings(name: string, memberId: string, blocks: readonly Question[], draft: AnswerDraft): HTMLElement {
  const given = draft.ratings.get(memberId) ?? { trust: new Map<string, number>(), value: new Map<string, number>() };
  draft.ratings.set(memberId, given);
  return h(
    "fieldset",
    { class: "sv-rated", "data-member": memberId },
    h("legend", {}, name),
    ...blocks.flatMap((block) => {
      const aspect = aspectOf(block);
      if (!aspect) return [];
      return [
        h("p", { class: "sv-block" }, block.prompt.replace("each person you named", name)),
        ...(block.dimensions ?? []).map((dimension) =>
          scaleChoice({
            legend: dimension.prompt.replace(/\b[Tt]his person\b/, name),
            min: block.scale?.min ?? 1,
            max: block.scale?.max ?? 4,
            ends: ["not at all", "a great deal"],
            value: given[aspect].get(dimension.id),
            onPick: (value) => {
              if (value === undefined) given[aspect].delete(dimension.id);
              else given[aspect].set(dimension.id, value);
            },
          }),
        ),
      ];
    }),
  );
}
