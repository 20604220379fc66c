import type { FieldError } from "@copgraph/contract";
import { ApiError } from "../../core/api.js";
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

/**
 * Puts each error next to its field: the API's problem `errors[].pointer` (`/participants/1/role`,
 * `/to/0`) goes to the field it names, or to the closest enclosing one; what no field claims
 * goes to the form's general message, so no error is ever dropped.
 */
export class FormErrors {
  private readonly fields = new Map<string, ErrorSlot>();
  private readonly resolvers: Resolver[] = [];
  private readonly shown = new Set<ErrorSlot>();

  constructor(private readonly general: ErrorSlot) {}

  add(pointer: string, slot: ErrorSlot): void {
    this.fields.set(pointer, slot);
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

  private slotFor(pointer: string): ErrorSlot | undefined {
    const segments = segmentsOf(pointer);
    for (const resolve of this.resolvers) {
      const slot = resolve(segments);
      if (slot) return slot;
    }
    for (let length = segments.length; length > 0; length--) {
      const slot = this.fields.get(`/${segments.slice(0, length).join("/")}`);
      if (slot) return slot;
    }
    return undefined;
  }

  /** Shows the problems and moves the focus to the first field concerned. */
  show(problems: readonly Problem[]): void {
    let first: ErrorSlot | undefined;
    for (const { pointer, message } of problems) {
      const slot = this.slotFor(pointer) ?? this.general;
      slot.show(message);
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
