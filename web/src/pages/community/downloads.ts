import { downloadAsPNG } from "@sigma/export-image";
import type Sigma from "sigma";
import { api, type QueryParams } from "../../core/api.js";
import { h } from "../../core/dom.js";
import { keyedDownloads } from "../../core/download.js";
import type { Me } from "../../core/session.js";
import type { EdgeData, NodeData } from "./graph-model.js";

export interface Downloads {
  readonly element: HTMLElement;
  /** Points the file links at the view's current query, so a download shows what the screen shows. */
  update(query: QueryParams): void;
}

/** The API refuses a shorter key for a research export (interchange's MIN_EXPORT_KEY_LENGTH). */
const MIN_KEY_LENGTH = 16;

/**
 * The research export (the event log pseudonymised, without names or free text), as the API gives
 * it to the caller's role: a researcher gets their own key's pseudonyms and may not choose a key;
 * an admin or facilitator chooses the key (the same key, the same pseudonyms for a recipient);
 * an agency gets no member-level file.
 */
function researchExport(communityId: string, role: Me["role"], onError: (message: string) => void): HTMLElement[] {
  if (role === "agency") return [];
  const link = h("a", { download: "" }, "Research export (pseudonymised event log, NDJSON)");
  // Without a key yet there is nothing to download (registered first, so the keyed download never runs).
  link.addEventListener("click", (event) => {
    if (link.hasAttribute("href")) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  });
  keyedDownloads(link, onError);
  if (role === "researcher") {
    link.href = api.urls.export(communityId, "research");
    return [h("li", {}, link, h("span", { class: "cg-muted" }, " under your own pseudonyms"))];
  }
  const key = h("input", {
    id: "cg-research-key",
    name: "research-key",
    type: "text",
    autocomplete: "off",
    spellcheck: "false",
    minlength: MIN_KEY_LENGTH,
  });
  const hint = h("span", { class: "cg-muted", id: "cg-research-key-hint" });
  key.setAttribute("aria-describedby", hint.id);
  const refresh = () => {
    const chosen = key.value.trim();
    if (chosen.length >= MIN_KEY_LENGTH) {
      link.href = api.urls.export(communityId, "research", { key: chosen });
      link.removeAttribute("aria-disabled");
      hint.textContent = "The same key gives the same pseudonyms: keep it for a later export to the same people.";
    } else {
      link.removeAttribute("href");
      link.setAttribute("aria-disabled", "true");
      hint.textContent = `Choose a key of at least ${MIN_KEY_LENGTH} characters first.`;
    }
  };
  key.addEventListener("input", refresh);
  refresh();
  // Block elements, so the key sits under its link rather than running on after it.
  return [
    h(
      "li",
      { class: "cg-research-export" },
      link,
      h("div", {}, h("label", { for: key.id }, "Key for its pseudonyms")),
      h("div", {}, key),
      h("div", {}, hint),
    ),
  ];
}

/** PNG of the graph as drawn, GEXF and GraphML of the current query, its indicators as CSV, and the event log. */
export function createDownloads(communityId: string, renderer: () => Sigma<NodeData, EdgeData> | undefined): Downloads {
  const gexf = h("a", { download: "", href: api.urls.graphFile(communityId, "gexf") }, "Graph for Gephi (GEXF)");
  const graphml = h("a", { download: "", href: api.urls.graphFile(communityId, "graphml") }, "Graph (GraphML)");
  const indicators = h(
    "a",
    { download: "", href: api.urls.export(communityId, "indicators-csv") },
    "Indicators of this view (CSV)",
  );
  const log = h("a", { download: "", href: api.urls.export(communityId, "ndjson") }, "Event log (NDJSON)");
  const status = h("span", { class: "cg-muted", role: "status" });
  const showError = (message: string) => {
    status.textContent = message;
  };
  for (const link of [gexf, graphml, indicators, log]) keyedDownloads(link, showError);
  const png = h(
    "button",
    {
      type: "button",
      class: "cg-link-button",
      onclick: async () => {
        const sigma = renderer();
        if (!sigma) return;
        status.textContent = "Preparing the image…";
        try {
          // The helper is typed for sigma's default attributes; it only reads the renderer.
          await downloadAsPNG(sigma as unknown as Sigma, {
            fileName: `${communityId}-graph`,
            backgroundColor: "#ffffff",
          });
          status.textContent = "";
        } catch (error) {
          status.textContent = `Could not make the image: ${error instanceof Error ? error.message : String(error)}`;
        }
      },
    },
    "Graph image (PNG)",
  );
  // Filled once the API says who the caller is: the research export depends on the role.
  const research = h("li", { class: "cg-research-slot", hidden: true });
  const list = h(
    "ul",
    {},
    h("li", {}, png),
    h("li", {}, gexf),
    h("li", {}, graphml),
    h("li", {}, indicators),
    h("li", {}, log),
    research,
    h(
      "li",
      { class: "cg-muted" },
      "The graph files and the indicators hold this view: its date, period, layers and attribute. The event logs are the whole history.",
    ),
  );
  api.me().then(
    (me) => research.replaceWith(...researchExport(communityId, me.role, showError)),
    () => research.remove(),
  );
  const element = h("details", { class: "cg-downloads" }, h("summary", {}, "Downloads"), list, status);
  return {
    element,
    update(query) {
      gexf.href = api.urls.graphFile(communityId, "gexf", query);
      graphml.href = api.urls.graphFile(communityId, "graphml", query);
      indicators.href = api.urls.export(communityId, "indicators-csv", query);
    },
  };
}
