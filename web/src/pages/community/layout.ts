import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
import type { MemberGraph } from "./graph-model.js";
import { seededSpot, startRadius } from "./seed.js";

/**
 * How much of the picture may move:
 * - "full": everyone (first load, or mostly new members), until it settles;
 * - "gentle": everyone, in slower steps (a filter changed the ties);
 * - "newcomers": only members without a remembered place, the others pinned (time moves, live
 *   updates), so that replaying history grows the picture instead of redrawing it.
 */
export type Arrange = "full" | "gentle" | "newcomers";
const weight: Record<Arrange, number> = { newcomers: 0, gentle: 1, full: 2 };
/** The stronger of two requests (a pending full layout is not downgraded by a later time move). */
export const stronger = (a: Arrange, b: Arrange): Arrange => (weight[a] >= weight[b] ? a : b);

/** What the layout worker is asked: ForceAtlas2's matrices, run until the free members stop moving. */
export interface LayoutJob {
  readonly run: number;
  readonly nodes: Float32Array;
  readonly edges: Float32Array;
  readonly settings: Required<ForceAtlas2Settings>;
  readonly maxIterations: number;
  /** Settled when the free members move less than this share of the picture's width in 25 iterations. */
  readonly tolerance: number;
}
/** What it answers: everyone's x and y in the graph's node order, now and then, and last when done. */
export interface LayoutFrame {
  readonly run: number;
  readonly positions: Float32Array;
  readonly done: boolean;
  readonly iterations: number;
}

const PER_NODE = 10;
const PER_TIE = 3;
const TOLERANCE = 2e-4;
/** About this many milliseconds of layout work on an ordinary laptop at most, counted in iterations. */
const WORK_BUDGET_MS = 4000;
const MIN_ITERATIONS = 100;
const MAX_ITERATIONS = 2000;

/**
 * ForceAtlas2 in a web worker, keeping the main thread free for the controls. It runs to convergence
 * (or a number of iterations set by the graph's size, never by a clock), from start positions seeded
 * by member id: the same community, date and filters open with the same picture every time.
 */
export class Layout {
  private worker: Worker | undefined;
  private runs = 0;
  /** The run in progress: how it was asked, and where everyone stood when it started. */
  private current: { mode: Arrange; fresh: readonly string[]; start: Float32Array } | undefined;
  /** A run stopped before it settled, to be taken up by the next one. */
  private unfinished: { mode: Arrange; fresh: readonly string[] } | undefined;

  constructor(
    private readonly graph: MemberGraph,
    private readonly onChange: (running: boolean) => void,
  ) {}

  run(arrange: Arrange, fresh: readonly string[]): void {
    this.stop();
    // A run cut short (the graph changed under it) is taken up from where it started, so that
    // when a view settles never depends on when its requests answered.
    const before = this.unfinished;
    this.unfinished = undefined;
    if (before) {
      arrange = stronger(before.mode, arrange);
      fresh = [...new Set([...before.fresh, ...fresh])].filter((id) => this.graph.hasNode(id));
    }
    const order = this.graph.order;
    if (order < 2 || (arrange === "newcomers" && fresh.length === 0)) return;
    // Mostly new members (a long jump in time): the old picture says little, lay out afresh.
    const mode = fresh.length > 0.3 * order ? "full" : arrange;
    const free = mode === "newcomers" ? new Set(fresh) : undefined;
    const { nodes, edges } = this.matrices(free);
    this.current = { mode, fresh, start: positionsOf(nodes) };
    const job: LayoutJob = {
      run: ++this.runs,
      nodes,
      edges,
      settings: settingsFor(order, mode),
      maxIterations: iterationsFor(order, this.graph.size),
      tolerance: TOLERANCE,
    };
    const worker = new Worker(new URL("./layout-worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = ({ data }: MessageEvent<LayoutFrame>) => this.receive(data);
    worker.onerror = () => this.stop();
    worker.postMessage(job, [nodes.buffer, edges.buffer]);
    this.worker = worker;
    this.onChange(true);
  }

  /** The picture a freshly opened view would give: everyone back to their seeded start, then a full run. */
  restart(): void {
    this.stop();
    const radius = startRadius(this.graph.order);
    this.graph.updateEachNodeAttributes((id, data) => ({ ...data, ...seededSpot(id, { x: 0, y: 0 }, radius) }), {
      attributes: ["x", "y"],
    });
    this.run("full", []);
  }

  /**
   * Stops and frees the worker; call it before changing the graph (its answers are by node order).
   * A run that had not settled puts everyone back where it started and is taken up by the next run.
   */
  stop(): void {
    if (!this.worker) return;
    this.worker.terminate();
    this.worker = undefined;
    this.runs++;
    if (this.current) {
      this.place(this.current.start);
      this.unfinished = { mode: this.current.mode, fresh: this.current.fresh };
      this.current = undefined;
    }
    this.onChange(false);
  }

  private receive(frame: LayoutFrame): void {
    if (frame.run !== this.runs || !this.worker) return;
    this.place(frame.positions);
    if (!frame.done) return;
    this.worker.terminate();
    this.worker = undefined;
    this.current = undefined;
    this.onChange(false);
  }

  /** Everyone's x and y from pairs in the graph's node order. */
  private place(positions: Float32Array): void {
    let index = 0;
    this.graph.updateEachNodeAttributes(
      (_id, data) => {
        const at = index++ * 2;
        return { ...data, x: positions[at] as number, y: positions[at + 1] as number };
      },
      { attributes: ["x", "y"] },
    );
  }

  /** ForceAtlas2's flat matrices: nodes with their weighted degree as mass, ties by node offset. */
  private matrices(free: ReadonlySet<string> | undefined): { nodes: Float32Array; edges: Float32Array } {
    const nodes = new Float32Array(this.graph.order * PER_NODE);
    const edges = new Float32Array(this.graph.size * PER_TIE);
    const offset = new Map<string, number>();
    let at = 0;
    this.graph.forEachNode((id, data) => {
      offset.set(id, at);
      nodes.set([data.x, data.y, 0, 0, 0, 0, 1, 1, 1, free && !free.has(id) ? 1 : 0], at);
      at += PER_NODE;
    });
    at = 0;
    this.graph.forEachEdge((_edge, data, source, target) => {
      const from = offset.get(source) as number;
      const to = offset.get(target) as number;
      nodes[from + 6] = (nodes[from + 6] as number) + data.weight;
      nodes[to + 6] = (nodes[to + 6] as number) + data.weight;
      edges.set([from, to, data.weight], at);
      at += PER_TIE;
    });
    return { nodes, edges };
  }
}

/** x and y of every node of the matrix, in pairs. */
function positionsOf(nodes: Float32Array): Float32Array {
  const positions = new Float32Array((nodes.length / PER_NODE) * 2);
  for (let node = 0; node < positions.length / 2; node++) {
    positions[node * 2] = nodes[node * PER_NODE] as number;
    positions[node * 2 + 1] = nodes[node * PER_NODE + 1] as number;
  }
  return positions;
}

/**
 * The library's inferSettings(), with Barnes–Hut earlier (software WebGL shares the CPU), strong
 * gravity to keep loners near, a softer pull from heavy ties, and slower steps when the picture should
 * mostly stay.
 */
function settingsFor(order: number, mode: Arrange): Required<ForceAtlas2Settings> {
  return {
    linLogMode: false,
    outboundAttractionDistribution: false,
    adjustSizes: false,
    barnesHutOptimize: order > 800,
    barnesHutTheta: 0.5,
    strongGravityMode: true,
    gravity: 0.05,
    scalingRatio: 10,
    edgeWeightInfluence: 0.5,
    slowDown: (mode === "gentle" ? 4 : 1) * (1 + Math.log(order)),
  };
}

/** The most iterations the work budget allows: a step costs about n log n (Barnes–Hut) or n² (exact), plus the ties. */
function iterationsFor(order: number, size: number): number {
  const stepMs = (order > 800 ? order * Math.log2(order) * 5e-4 : order * order * 7e-6) + size * 1e-4;
  return Math.round(Math.min(MAX_ITERATIONS, Math.max(MIN_ITERATIONS, WORK_BUDGET_MS / stepMs)));
}
