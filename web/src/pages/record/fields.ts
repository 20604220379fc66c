import { h } from "../../core/dom.js";
import { slugWords } from "../../core/words.js";

let counter = 0;
/** A page-unique id, to tie labels, hints and error messages to their control. */
export const uid = (prefix: string) => `${prefix}-${++counter}`;

/** Where a form shows one field's (or one group's) error message. */
export interface ErrorSlot {
  show(message: string): void;
  clear(): void;
  focus(): void;
}

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface Field<C extends Control = Control> {
  readonly element: HTMLElement;
  readonly control: C;
  readonly hint: HTMLElement;
  readonly error: ErrorSlot;
}

/**
 * An error message element and the slot that fills it. `target` gets the focus, and aria-invalid
 * when it is a control (not for a group's or the form's message, whose target is a button);
 * `marked` gets the class that draws the error.
 */
export function errorSlot(message: HTMLElement, target: HTMLElement, marked: HTMLElement = target): ErrorSlot {
  message.classList.add("rec-error");
  message.hidden = true;
  const control = !(target instanceof HTMLButtonElement);
  return {
    show(text) {
      message.textContent = message.textContent ? `${message.textContent} ${text}` : text;
      message.hidden = false;
      if (control) target.setAttribute("aria-invalid", "true");
      marked.classList.add("rec-invalid");
    },
    clear() {
      message.textContent = "";
      message.hidden = true;
      if (control) target.removeAttribute("aria-invalid");
      marked.classList.remove("rec-invalid");
    },
    focus() {
      target.focus();
    },
  };
}

/** A labelled control with an optional hint and its error message, all tied by aria-describedby. */
export function field<C extends Control>(label: string, control: C, options: { hint?: string } = {}): Field<C> {
  control.id ||= uid("rec-field");
  const hint = h("p", { class: "rec-hint", id: `${control.id}-hint` }, options.hint ?? "");
  hint.hidden = !options.hint;
  const message = h("p", { id: `${control.id}-error` });
  control.setAttribute("aria-describedby", `${hint.id} ${message.id}`);
  const element = h("div", { class: "rec-field" }, h("label", { for: control.id }, label), control, hint, message);
  return { element, control, hint, error: errorSlot(message, control, element) };
}

export function input(name: string, attributes: Record<string, string | number | boolean> = {}): HTMLInputElement {
  return h("input", { name, type: "text", autocomplete: "off", ...attributes });
}

export interface Choice {
  readonly value: string;
  readonly label?: string;
}

/** A select; `empty` adds a first option with the value "" (e.g. "Choose…" or "no change"). */
export function select(name: string, choices: readonly (string | Choice)[], empty?: string): HTMLSelectElement {
  const options = choices.map((choice) =>
    typeof choice === "string"
      ? h("option", { value: choice }, slugWords(choice))
      : h("option", { value: choice.value }, choice.label ?? slugWords(choice.value)),
  );
  return h("select", { name }, empty === undefined ? null : h("option", { value: "" }, empty), ...options);
}

export function textArea(name: string, rows = 3): HTMLTextAreaElement {
  return h("textarea", { name, rows });
}

/** The trimmed value, or undefined when empty: optional fields are left out of the request. */
export function optional(control: Control): string | undefined {
  const value = control.value.trim();
  return value === "" ? undefined : value;
}

/** "nutrition; sport, food" → ["nutrition", "sport", "food"]. */
export function listOf(control: Control): string[] | undefined {
  const items = control.value
    .split(/[;,]/)
    .map((item) => item.trim())
    .filter(Boolean);
  return items.length === 0 ? undefined : items;
}
