import type Sigma from "sigma";
import type { EdgeData, NodeData } from "./graph-model.js";

/**
 * Rings around the members of silo clusters, on a 2D layer between the ties and the nodes:
 * sigma's circle program has no outline, and a ring reads as "grouped" without recolouring anyone.
 * Returns the function that removes the layer.
 */
export function siloHalos(renderer: Sigma<NodeData, EdgeData>, members: () => ReadonlySet<string>): () => void {
  const canvas = renderer.createCanvas("siloHalos", {
    beforeLayer: "nodes",
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
    const set = members();
    if (set.size === 0) return;
    context.strokeStyle = "#1f2430";
    context.lineWidth = 2;
    for (const id of set) {
      const data = renderer.getNodeDisplayData(id);
      if (!data || data.hidden) continue;
      const { x, y } = renderer.framedGraphToViewport(data);
      context.beginPath();
      context.arc(x, y, renderer.scaleSize(data.size) + 2.5, 0, 2 * Math.PI);
      context.stroke();
    }
  };
  renderer.on("afterRender", draw);
  return () => {
    renderer.off("afterRender", draw);
    renderer.killLayer("siloHalos");
  };
}
