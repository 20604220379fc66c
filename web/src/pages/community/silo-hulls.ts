import type Sigma from "sigma";
import { convexHull, type Point } from "./convex-hull.js";
import type { EdgeData, NodeData } from "./graph-model.js";
import { hullCore } from "./hull-core.js";

/** A group to outline: its members and the colour of the category that dominates it. */
export interface Outline {
  readonly members: readonly string[];
  readonly colour: string;
}

/** Room between a member's disc and the outline, in pixels. */
const PADDING = 7;
/** Points on each member's padded disc that the hull wraps: enough for rounded corners. */
const SIDES = 12;

/**
 * Silo clusters as outlines: the convex hull around each cluster's members, lightly filled, on a 2D
 * layer under the ties and the nodes, redrawn after every render so it follows the camera. One shape
 * per group reads as "these belong together" where a ring on every member did not.
 * Returns the function that removes the layer.
 */
export function siloHulls(renderer: Sigma<NodeData, EdgeData>, outlines: () => readonly Outline[]): () => void {
  const canvas = renderer.createCanvas("siloHulls", {
    beforeLayer: "edges",
    style: { width: "100%", height: "100%", pointerEvents: "none" },
  });
  const context = canvas.getContext("2d");
  const draw = () => {
    if (!context) return;
    const { width, height } = renderer.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    let drawn = 0;
    for (const outline of outlines()) {
      const hull = convexHull(core(renderer, outline.members).flatMap((id) => paddedDisc(renderer, id)));
      if (hull.length === 0) continue;
      context.beginPath();
      for (const [index, point] of hull.entries()) {
        if (index === 0) context.moveTo(point.x, point.y);
        else context.lineTo(point.x, point.y);
      }
      context.closePath();
      context.lineJoin = "round";
      context.fillStyle = outline.colour;
      context.globalAlpha = 0.1;
      context.fill();
      context.globalAlpha = 1;
      context.strokeStyle = outline.colour;
      context.lineWidth = 2;
      context.stroke();
      drawn++;
    }
    canvas.dataset.outlines = String(drawn);
  };
  renderer.on("afterRender", draw);
  return () => {
    renderer.off("afterRender", draw);
    renderer.killLayer("siloHulls");
  };
}

/** The shown members the outline wraps: the group's core, not one member the layout put far away. */
function core(renderer: Sigma<NodeData, EdgeData>, members: readonly string[]): string[] {
  return hullCore(
    members.flatMap((id) => {
      const data = renderer.getNodeDisplayData(id);
      return data && !data.hidden ? [{ id, x: data.x, y: data.y }] : [];
    }),
  );
}

/** Points around a shown member's disc on screen, a little wider than the disc; none when hidden. */
function paddedDisc(renderer: Sigma<NodeData, EdgeData>, id: string): Point[] {
  const data = renderer.getNodeDisplayData(id);
  if (!data || data.hidden) return [];
  const centre = renderer.framedGraphToViewport(data);
  const radius = renderer.scaleSize(data.size) + PADDING;
  return Array.from({ length: SIDES }, (_, side) => {
    const angle = (side / SIDES) * 2 * Math.PI;
    return { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
  });
}
