import { h } from "../../core/dom.js";
import { type ErrorSlot, errorSlot } from "./fields.js";

export interface Row {
  readonly element: HTMLElement;
  /** Updates the row's labels to its 1-based position, so a screen reader hears "participant 2". */
  renumber(position: number): void;
  focus(): void;
}

export interface RowList<R extends Row> {
  readonly element: HTMLElement;
  /** The group's own message, e.g. "a gathering needs at least two participants". */
  readonly error: ErrorSlot;
  rows(): readonly R[];
  add(): R;
  /** Back to `count` fresh rows. */
  reset(count: number): void;
}

/** Rows the user adds and removes (participants, recipients, attributes), in a fieldset. */
export function rowList<R extends Row>(options: {
  legend: string;
  noun: string;
  /** "Add an attribute": the article depends on the noun. */
  addLabel?: string;
  create: () => R;
  initial: number;
  hint?: string;
}): RowList<R> {
  const items: { row: R; item: HTMLLIElement; remove: HTMLButtonElement }[] = [];
  const list = h("ol", { class: "rec-rows" });
  const message = h("p", {});
  const addButton = h(
    "button",
    { type: "button", class: "rec-secondary" },
    options.addLabel ?? `Add a ${options.noun}`,
  );
  const fieldset = h(
    "fieldset",
    { class: "rec-group" },
    h("legend", {}, options.legend),
    options.hint ? h("p", { class: "rec-hint" }, options.hint) : null,
    list,
    message,
    addButton,
  );
  const error = errorSlot(message, addButton, fieldset);

  const renumber = () =>
    items.forEach(({ row, remove }, index) => {
      row.renumber(index + 1);
      remove.setAttribute("aria-label", `Remove ${options.noun} ${index + 1}`);
      remove.disabled = items.length === 1;
    });

  function add(): R {
    const row = options.create();
    const remove = h("button", { type: "button", class: "rec-remove" }, "Remove");
    const item = h("li", { class: "rec-row" }, row.element, remove);
    const entry = { row, item, remove };
    remove.addEventListener("click", () => {
      const index = items.indexOf(entry);
      items.splice(index, 1);
      item.remove();
      renumber();
      // Keep the keyboard focus in the list, on the row that took this one's place.
      (items[index] ?? items[index - 1])?.row.focus();
    });
    items.push(entry);
    list.append(item);
    renumber();
    return row;
  }

  addButton.addEventListener("click", () => add().focus());
  for (let i = 0; i < options.initial; i++) add();

  return {
    element: fieldset,
    error,
    rows: () => items.map(({ row }) => row),
    add,
    reset(count) {
      for (const { item } of items) item.remove();
      items.length = 0;
      for (let i = 0; i < count; i++) add();
    },
  };
}

/** Maps `/<prefix>/<index>/<field>` to the row's field slot (or the row's first slot). */
export function rowResolver<R extends Row>(
  prefix: string,
  list: RowList<R>,
  slotOf: (row: R, field: string | undefined) => ErrorSlot | undefined,
) {
  return (segments: readonly string[]): ErrorSlot | undefined => {
    if (segments[0] !== prefix) return undefined;
    if (segments.length === 1) return list.error;
    const row = list.rows()[Number(segments[1])];
    return row ? (slotOf(row, segments[2]) ?? list.error) : list.error;
  };
}
