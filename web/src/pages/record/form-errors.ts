import type { FieldError } from "@copgraph/contract";
import { ApiError } from "../../core/api.js";
import { slugWords } from "../../core/words.js";
import type { ErrorSlot } from "./fields.js";

/** Finds the slot for a pointer's segments (e.g. ["participants", "1", "role"]), if it knows it. */
export type Resolver = (segments: readonly string[]) => ErrorSlot | undefined;

export interface Problem {
  readonly pointer: string;
  readonly message: string;
}

const segmentsOf = (pointer: string) =>
  pointer
    .split("/")
    .slice(1)
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"));

// The API says a field's problem without its subject ("must be at most 100 characters"); the
// form, which knows where it shows it, gives it one. Sentences with a subject are shown as sent.
const PREDICATE = /^(must|is|are|has|have|holds|does)\b/;
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const stop = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/**
 * A problem in a sentence. `below` are the pointer's segments under the field that shows it
 * (`["1"]` for `/topics/1` shown at Topics), `item` what the field's list holds ("Topic"); at no
 * field (`field` false) the pointer itself is said in words ("Display name must …").
 */
export function problemSentence(message: string, below: readonly string[], item?: string, field = true): string {
  if (!PREDICATE.test(message)) return message;
  const position = below[0] !== undefined && /^\d+$/.test(below[0]) ? Number(below[0]) + 1 : undefined;
  if (item && position !== undefined) return stop(`${item} ${position} ${message}`);
  if (field || below.length === 0) return stop(message.startsWith("must") ? capitalise(message) : `This ${message}`);
  const subject = below.map((part) => (/^\d+$/.test(part) ? String(Number(part) + 1) : slugWords(part))).join(" ");
  return stop(capitalise(`${subject} ${message}`));
}

/**
 * Puts each error next to its field: the API's problem `errors[].pointer` (`/participants/1/role`,
 * `/to/0`) goes to the field it names, or to the closest enclosing one; what no field claims
 * goes to the form's general message, so no error is ever dropped.
 */
export class FormErrors {
  private readonly fields = new Map<string, ErrorSlot>();
  private readonly items = new Map<string, string>();
  private readonly resolvers: Resolver[] = [];
  private readonly shown = new Set<ErrorSlot>();

  constructor(private readonly general: ErrorSlot) {}

  /** `item` names what a list field holds ("Topic"), so `/topics/1` reads "Topic 2 must …". */
  add(pointer: string, slot: ErrorSlot, item?: string): void {
    this.fields.set(pointer, slot);
    if (item) this.items.set(pointer, item);
  }

  /** For repeated rows, whose slots change as rows come and go. */
  addResolver(resolver: Resolver): void {
    this.resolvers.push(resolver);
  }

  clear(): void {
    for (const slot of this.shown) slot.clear();
    this.shown.clear();
    this.general.clear();
  }

  /** The slot for a pointer and the sentence it shows there. */
  private placed(pointer: string, message: string): { slot: ErrorSlot; text: string } {
    const segments = segmentsOf(pointer);
    for (const resolve of this.resolvers) {
      const slot = resolve(segments);
      if (slot) return { slot, text: problemSentence(message, []) };
    }
    for (let length = segments.length; length > 0; length--) {
      const at = `/${segments.slice(0, length).join("/")}`;
      const slot = this.fields.get(at);
      if (slot) return { slot, text: problemSentence(message, segments.slice(length), this.items.get(at)) };
    }
    return { slot: this.general, text: problemSentence(message, segments, undefined, false) };
  }

  /** Shows the problems and moves the focus to the first field concerned. */
  show(problems: readonly Problem[]): void {
    let first: ErrorSlot | undefined;
    for (const { pointer, message } of problems) {
      const { slot, text } = this.placed(pointer, message);
      slot.show(text);
      this.shown.add(slot);
      first ??= slot;
    }
    first?.focus();
  }

  /** Shows a failed request: field errors by pointer, anything else as the general message. */
  showError(error: unknown): void {
    if (error instanceof ApiError) {
      const fieldErrors = (error.problem?.errors ?? []).filter((e: FieldError) => e.in === "body");
      if (fieldErrors.length > 0) {
        this.show(fieldErrors);
        return;
      }
      this.show([{ pointer: "", message: error.message }]);
      return;
    }
    this.show([{ pointer: "", message: `Could not reach copgraph: ${(error as Error).message}. Try again.` }]);
  }
}
