// One ForceAtlas2 step of graphology-layout-forceatlas2 on its flat matrices (the package types only
// its graph-level API). Nodes: 10 numbers each (x, y, dx, dy, old dx, old dy, mass, convergence,
// size, fixed); ties: 3 each (source offset, target offset, weight).
declare module "graphology-layout-forceatlas2/iterate.js" {
  import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";

  export default function iterate(
    settings: Required<ForceAtlas2Settings>,
    nodes: Float32Array,
    edges: Float32Array,
  ): unknown;
}
