import { ApiError, api, SIGNED_OUT_EVENT } from "./core/api.js";
import { h, mount } from "./core/dom.js";
import { type Page, parseRoute } from "./core/router.js";
import { type Me, mayOpen, session } from "./core/session.js";

const pages: Record<string, () => Promise<{ default: Page }>> = {
  overview: () => import("./pages/overview/overview-page.js"),
  community: () => import("./pages/community/community-page.js"),
  record: () => import("./pages/record/record-page.js"),
  compare: () => import("./pages/compare/compare-page.js"),
  "sign-in": () => import("./pages/sign-in/sign-in-page.js"),
  survey: () => import("./pages/survey/survey-page.js"),
};

const root = document.getElementById("app") as HTMLElement;
let leave: (() => void) | undefined;
let navigation = 0;
let me: Me | undefined;
const account = h("span", { class: "account" });
document.querySelector("header.top nav")?.append(account);

/** Who the key is (or the local developer); undefined when the server asks for a key. */
async function whoAmI(): Promise<Me | undefined> {
  if (me) return me;
  try {
    me = await api.me();
    // Links to pages the role may not open are hidden by styles.css (the same rule as mayOpen).
    document.body.dataset.role = me.role;
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
    session.signOut();
  }
  mount(
    account,
    me && !me.development
      ? h(
          "span",
          {},
          `Signed in as ${me.label || me.keyId} (${me.role}) `,
          h("button", { type: "button", class: "cg-link-button", onclick: signOut }, "Sign out"),
        )
      : null,
  );
  return me;
}

function signOut(): void {
  session.signOut();
  me = undefined;
  delete document.body.dataset.role;
  location.hash = "#/sign-in";
  void show();
}

async function show(): Promise<void> {
  const current = ++navigation;
  leave?.();
  leave = undefined;
  let route = parseRoute(location.hash);
  // A survey respondent has a link, not a key: their page asks nothing of the key's API.
  const signedIn = route.name === "survey" ? undefined : await whoAmI();
  if (current !== navigation) return;
  if (!signedIn && route.name !== "survey") route = { name: "sign-in", query: route.query };
  else if (route.name === "sign-in") route = { name: "overview", query: route.query };
  else if (signedIn && !mayOpen(signedIn, route.name)) {
    mount(
      root,
      h(
        "section",
        { class: "empty" },
        h("h1", {}, "Not for your role"),
        h(
          "p",
          {},
          `A ${signedIn.role} key does not open this page. `,
          h("a", { href: "#/" }, "Back to the communities"),
        ),
      ),
    );
    return;
  }
  const load = pages[route.name];
  if (!load) {
    mount(
      root,
      h(
        "section",
        { class: "empty" },
        h("h1", {}, "Page not found"),
        h("p", {}, h("a", { href: "#/" }, "Back to the communities")),
      ),
    );
    return;
  }
  const { default: page } = await load();
  if (current !== navigation) return;
  mount(root);
  leave = (await page(root, route)) ?? undefined;
}

window.addEventListener("hashchange", () => void show());
window.addEventListener(SIGNED_OUT_EVENT, () => {
  if (!me) return;
  me = undefined;
  void show();
});
void show();
