import { downloadAsPNG } from "@sigma/export-image";
import type Sigma from "sigma";
import { api, type QueryParams } from "../../core/api.js";
import { h } from "../../core/dom.js";
import { keyedDownloads } from "../../core/download.js";
import type { EdgeData, NodeData } from "./graph-model.js";

export interface Downloads {
  readonly element: HTMLElement;
  /** Points the file links at the view's current query, so a download shows what the screen shows. */
  update(query: QueryParams): void;
}

/** PNG of the graph as drawn, GEXF and GraphML of the current query, and the event log. */
export function createDownloads(communityId: string, renderer: () => Sigma<NodeData, EdgeData> | undefined): Downloads {
  const gexf = h("a", { download: "", href: api.urls.graphFile(communityId, "gexf") }, "Graph for Gephi (GEXF)");
  const graphml = h("a", { download: "", href: api.urls.graphFile(communityId, "graphml") }, "Graph (GraphML)");
  const log = h("a", { download: "", href: api.urls.export(communityId, "ndjson") }, "Event log (NDJSON)");
  const status = h("span", { class: "cg-muted", role: "status" });
  for (const link of [gexf, graphml, log]) keyedDownloads(link, (message) => (status.textContent = message));
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
  const element = h(
    "details",
    { class: "cg-downloads" },
    h("summary", {}, "Downloads"),
    h(
      "ul",
      {},
      h("li", {}, png),
      h("li", {}, gexf),
      h("li", {}, graphml),
      h("li", {}, log),
      h(
        "li",
        { class: "cg-muted" },
        "The graph files hold this view: its date, period, layers and attribute. The event log is the whole history.",
      ),
    ),
    status,
  );
  return {
    element,
    update(query) {
      gexf.href = api.urls.graphFile(communityId, "gexf", query);
      graphml.href = api.urls.graphFile(communityId, "graphml", query);
    },
  };
}
