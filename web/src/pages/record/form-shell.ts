import { h, mount } from "../../core/dom.js";
import { links } from "../../core/router.js";
import { errorSlot } from "./fields.js";
import { FormErrors } from "./form-errors.js";

export interface FormShell {
  readonly form: HTMLFormElement;
  /** Where the form's fields go. */
  readonly body: HTMLElement;
  readonly errors: FormErrors;
  /** Runs on submit, with errors cleared and the button disabled; a thrown error is shown. */
  onSubmit(handler: () => Promise<void>): void;
  /** A clear confirmation with a link back to the community view. */
  confirm(message: string, extra?: Node): void;
}

/** A form with a heading, a general error message, a submit button and a confirmation area. */
export function formShell(communityId: string, title: string, intro: string, submitLabel: string): FormShell {
  const body = h("div", { class: "rec-fields" });
  const general = h("p", { role: "alert" });
  const submit = h("button", { type: "submit", class: "rec-primary" }, submitLabel);
  const confirmation = h("div", { class: "rec-success", role: "status", tabindex: -1 });
  confirmation.hidden = true;
  const form = h(
    "form",
    { class: "rec-form", novalidate: true },
    h("h2", {}, title),
    h("p", { class: "rec-intro" }, intro),
    body,
    general,
    h("div", { class: "rec-actions" }, submit),
    confirmation,
  );
  // The general slot focuses the submit button: the message sits right above it.
  const errors = new FormErrors(errorSlot(general, submit, general));
  let busy = false;

  return {
    form,
    body,
    errors,
    onSubmit(handler) {
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        if (busy) return;
        busy = true;
        errors.clear();
        confirmation.hidden = true;
        submit.disabled = true;
        form.setAttribute("aria-busy", "true");
        try {
          await handler();
        } catch (error) {
          errors.showError(error);
        } finally {
          busy = false;
          submit.disabled = false;
          form.setAttribute("aria-busy", "false");
        }
      });
    },
    confirm(message, extra) {
      mount(
        confirmation,
        h("p", {}, h("strong", {}, "✓ "), message),
        extra,
        h("p", {}, h("a", { href: links.community(communityId) }, "Back to the community view")),
      );
      confirmation.hidden = false;
      confirmation.focus();
    },
  };
}
