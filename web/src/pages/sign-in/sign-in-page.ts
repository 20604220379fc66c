import { ApiError, api } from "../../core/api.js";
import { h, mount } from "../../core/dom.js";
import type { Page } from "../../core/router.js";
import { session } from "../../core/session.js";

/** Asks for the API key when the server requires one; the key stays in this tab only. */
const signInPage: Page = (root) => {
  const input = h("input", {
    id: "api-key",
    type: "password",
    name: "api-key",
    autocomplete: "off",
    required: true,
    placeholder: "cgk_…",
  });
  const status = h("p", { class: "cg-muted", role: "status" });
  const form = h(
    "form",
    {
      class: "sign-in",
      onsubmit: async (event: Event) => {
        event.preventDefault();
        session.signIn(input.value);
        status.textContent = "Checking the key…";
        try {
          await api.me();
          // The app may already be at #/ (the sign-in page stands in for any page): ask it to show again.
          if (location.hash === "#/") window.dispatchEvent(new HashChangeEvent("hashchange"));
          else location.hash = "#/";
        } catch (error) {
          session.signOut();
          status.textContent =
            error instanceof ApiError && error.status === 401
              ? "The key is unknown, rotated or revoked. Ask an administrator for a key."
              : `Could not sign in: ${error instanceof Error ? error.message : String(error)}`;
        }
      },
    },
    h("h1", {}, "Sign in"),
    h(
      "p",
      {},
      "This server requires an API key. An administrator creates one with ",
      h("code", {}, "copgraph keys create"),
      ".",
    ),
    h("label", { for: "api-key" }, "API key"),
    input,
    h("button", { type: "submit" }, "Sign in"),
    status,
  );
  mount(root, form);
  input.focus();
  return undefined;
};

export default signInPage;
