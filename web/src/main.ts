import { h, mount } from "./core/dom.js";
import { type Page, parseRoute } from "./core/router.js";

const pages: Record<string, () => Promise<{ default: Page }>> = {
  overview: () => import("./pages/overview/overview-page.js"),
  community: () => import("./pages/community/community-page.js"),
  record: () => import("./pages/record/record-page.js"),
  compare: () => import("./pages/compare/compare-page.js"),
};

const root = document.getElementById("app") as HTMLElement;
let leave: (() => void) | undefined;
let navigation = 0;

async function show(): Promise<void> {
  const current = ++navigation;
  leave?.();
  leave = undefined;
  const route = parseRoute(location.hash);
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
void show();
