import iterate from "graphology-layout-forceatlas2/iterate.js";
import type { LayoutFrame, LayoutJob } from "./layout.js";

// ForceAtlas2 off the main thread, run to convergence: a pure function of the job (no clock decides
// where anyone ends up), so the same view always gives the same picture. The clock only decides how
// often an intermediate picture is sent for the eye.

/** Numbers per node in the matrix, and the offsets of x, y and "fixed" in them. */
const PER_NODE = 10;
const FIXED = 9;
/** Iterations between two looks at how much the free members still move. */
const CHECK_EVERY = 25;
/** At most this often an intermediate picture, in milliseconds. */
const FRAME_MS = 60;

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutJob>) => void) | null;
  postMessage(frame: LayoutFrame, transfer: Transferable[]): void;
};

scope.onmessage = ({ data: job }) => {
  const { nodes, edges } = job;
  let before = positionsOf(nodes);
  let shown = performance.now();
  let iterations = 0;
  while (iterations < job.maxIterations) {
    iterate(job.settings, nodes, edges);
    iterations++;
    if (iterations % CHECK_EVERY !== 0) continue;
    const now = positionsOf(nodes);
    if (movement(nodes, before, now) < job.tolerance) break;
    before = now;
    if (performance.now() - shown >= FRAME_MS) {
      // A copy: `now` is kept as the next look's "before", and a sent buffer is gone.
      send(job.run, now.slice(), false, iterations);
      shown = performance.now();
    }
  }
  send(job.run, positionsOf(nodes), true, iterations);
};

function send(run: number, positions: Float32Array, done: boolean, iterations: number): void {
  scope.postMessage({ run, positions, done, iterations }, [positions.buffer]);
}

/** x and y of every node, in order. */
function positionsOf(nodes: Float32Array): Float32Array {
  const order = nodes.length / PER_NODE;
  const positions = new Float32Array(order * 2);
  for (let node = 0; node < order; node++) {
    positions[node * 2] = nodes[node * PER_NODE] as number;
    positions[node * 2 + 1] = nodes[node * PER_NODE + 1] as number;
  }
  return positions;
}

/** Mean distance the free members moved since the last look, as a share of the picture's width. */
function movement(nodes: Float32Array, before: Float32Array, now: Float32Array): number {
  let [moved, free] = [0, 0];
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let node = 0; node < now.length / 2; node++) {
    const x = now[node * 2] as number;
    const y = now[node * 2 + 1] as number;
    [minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
    if (nodes[node * PER_NODE + FIXED] === 1) continue;
    moved += Math.hypot(x - (before[node * 2] as number), y - (before[node * 2 + 1] as number));
    free++;
  }
  const width = Math.max(maxX - minX, maxY - minY, 1e-9);
  return free === 0 ? 0 : moved / free / width;
}
