import "./overview.css";
import { api } from "../../core/api.js";
import { h, mount } from "../../core/dom.js";
import type { Page } from "../../core/router.js";
import { type CommunityCard, communityCard } from "./community-card.js";

function legend(): HTMLElement {
  return h(
    "p",
    { class: "ov-legend", "aria-label": "How to read the trends" },
    h(
      "span",
      {},
      h("span", { class: "ov-key ov-key-line", "aria-hidden": "true" }),
      " the reading over the last 12 months, month by month",
    ),
    h(
      "span",
      {},
      h("span", { class: "ov-key ov-key-baseline", "aria-hidden": "true" }),
      " its baseline: what random mixing or chance would give",
    ),
  );
}

function emptyState(): HTMLElement {
  return h(
    "section",
    { class: "empty ov-empty" },
    h("h2", {}, "No communities yet"),
    h(
      "p",
      {},
      "Register one through the API (",
      h("code", {}, "POST /v1/communities"),
      ", see the ",
      h("a", { href: "/docs" }, "API reference"),
      "), or import a history through it (",
      h("code", {}, "POST /v1/communities/{id}/imports/csv"),
      " or ",
      h("code", {}, "…/events"),
      "; ",
      h("code", {}, "copgraph import"),
      " writes the data folder only while no server runs). Then log its members and gatherings here.",
    ),
  );
}

/**
 * Every community as a card of readings, in the API's (alphabetical) order: a mirror for each
 * community against its own baseline, never a ranking. Cards load their readings when they come
 * into view, so an agency with hundreds of communities does not ask for all of them at once.
 */
const page: Page = (root) => {
  let alive = true;
  let observer: IntersectionObserver | undefined;
  const heading = h("h1", {}, "Communities");

  async function render(): Promise<void> {
    mount(
      root,
      h(
        "section",
        { class: "ov-page", "aria-busy": "true" },
        heading,
        h("p", { class: "ov-muted", role: "status" }, "Loading communities…"),
      ),
    );
    try {
      const { communities } = await api.communities();
      if (!alive) return;
      if (communities.length === 0) {
        mount(root, h("section", { class: "ov-page" }, heading, emptyState()));
        return;
      }
      const cards = communities.map((summary) => communityCard(summary, () => alive));
      const byElement = new Map<Element, CommunityCard>(cards.map((card) => [card.element, card]));
      observer = new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            if (!entry.isIntersecting) continue;
            observer?.unobserve(entry.target);
            void byElement.get(entry.target)?.load();
          }
        },
        { rootMargin: "300px 0px" },
      );
      mount(
        root,
        h(
          "section",
          { class: "ov-page" },
          heading,
          h(
            "p",
            { class: "ov-intro" },
            "Each community read against its own baseline: whether ties mix across sectors and layers, whether help flows both ways, and whether people take different roles. Listed by name.",
          ),
          legend(),
          h("div", { class: "ov-cards" }, ...cards.map((card) => card.element)),
        ),
      );
      for (const card of cards) observer.observe(card.element);
    } catch (error) {
      if (!alive) return;
      const retry = h("button", { type: "button", onclick: () => void render() }, "Try again");
      mount(
        root,
        h(
          "section",
          { class: "ov-page" },
          heading,
          h(
            "p",
            { class: "error", role: "alert" },
            `Could not load the communities: ${(error as Error).message}. `,
            retry,
          ),
        ),
      );
    }
  }

  void render();
  return () => {
    alive = false;
    observer?.disconnect();
  };
};
export default page;
