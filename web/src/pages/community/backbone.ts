import type { GraphResponse } from "@copgraph/contract";
import { h, mount } from "../../core/dom.js";

/**
 * The view's backbone level: the disparity filter's α. Ties are small counts here, so at the
 * customary 0.05 few ties stand out and many members would have none (docs/indicators.md).
 */
export const BACKBONE_ALPHA = 0.2;
/** Denser than this (ties / (N·(N − 1))), a view opens on the backbone unless asked otherwise… */
export const DENSE_ABOVE = 0.2;
/** …when it has more ties than this: a few ties draw readably however dense (a new group after one gathering). */
export const FEW_TIES = 200;

export const BACKBONE_EXPLANATION =
  "The backbone shows only the ties that stand out for at least one of the two members: ties that carry a larger share of what that member gives or receives than chance would give them.";

const formatCount = (count: number) => count.toLocaleString("en");

/** The share of possible ties present: directed ties over N·(N − 1). */
export function densityOf(members: number, ties: number): number {
  return members < 2 ? 0 : ties / (members * (members - 1));
}

/** Whether a graph is a hairball to open on its backbone. */
export const isDense = (members: number, ties: number) => ties > FEW_TIES && densityOf(members, ties) > DENSE_ABOVE;

export interface GraphChoice {
  readonly response: GraphResponse;
  readonly onBackbone: boolean;
}

/**
 * The graph to draw. `wanted` undefined leaves the choice to the density: the backbone is read
 * first (its answer counts every tie), and every tie only when the graph is not dense.
 */
export async function readGraphChoice(
  wanted: boolean | undefined,
  read: (backbone: number | undefined) => Promise<GraphResponse>,
): Promise<GraphChoice> {
  if (wanted === false) return { response: await read(undefined), onBackbone: false };
  const backbone = await read(BACKBONE_ALPHA);
  if (wanted === true) return { response: backbone, onBackbone: true };
  return isDense(backbone.nodes.length, backbone.backbone?.allTies ?? backbone.ties.length)
    ? { response: backbone, onBackbone: true }
    : { response: await read(undefined), onBackbone: false };
}

export interface BackboneNote {
  readonly element: HTMLElement;
  /** Says what is drawn: the backbone (and why, when the view chose it), or nothing for every tie. */
  show(response: GraphResponse, chosenForDensity: boolean): void;
}

/** The sentence above the graph while it shows the backbone, with a way back to every tie. */
export function createBackboneNote(showAllTies: () => void): BackboneNote {
  const element = h("p", { class: "cg-backbone-note cg-muted", role: "status" });
  element.hidden = true;
  return {
    element,
    show(response, chosenForDensity) {
      const applied = response.backbone;
      element.hidden = applied === undefined;
      if (!applied) return mount(element);
      const counts = `${formatCount(applied.keptTies)} of ${formatCount(applied.allTies)} ties`;
      const lead = chosenForDensity
        ? `This network is dense, so it opens on its backbone: ${counts}. `
        : `Backbone: ${counts}. `;
      mount(
        element,
        lead,
        `${BACKBONE_EXPLANATION} The readings still count every tie. `,
        h("button", { type: "button", class: "cg-link-button", onclick: showAllTies }, "Show all ties"),
      );
    },
  };
}
