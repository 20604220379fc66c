import FA2Layout from "graphology-layout-forceatlas2/worker";
import type { MemberGraph } from "./graph-model.js";

/**
 * How much of the picture may move:
 * - "full": everyone (first load, or mostly new members), long enough to settle;
 * - "gentle": everyone, slowly and briefly (a filter changed the ties);
 * - "newcomers": only members without a remembered place, the others pinned (time moves, live
 *   updates), so that replaying history grows the picture instead of redrawing it.
 */
export type Arrange = "full" | "gentle" | "newcomers";
const weight: Record<Arrange, number> = { newcomers: 0, gentle: 1, full: 2 };
/** The stronger of two requests (a pending full layout is not downgraded by a later time move). */
export const stronger = (a: Arrange, b: Arrange): Arrange => (weight[a] >= weight[b] ? a : b);

/** ForceAtlas2 in a web worker, always for a bounded time, keeping the main thread free for the controls. */
export class Layout {
  private supervisor: FA2Layout | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly graph: MemberGraph,
    private readonly onChange: (running: boolean) => void,
  ) {}

  run(arrange: Arrange, fresh: readonly string[]): void {
    this.stop();
    const order = this.graph.order;
    if (order < 2 || (arrange === "newcomers" && fresh.length === 0)) return;
    // Mostly new members (a long jump in time): the old picture says little, lay out afresh.
    const mode = fresh.length > 0.3 * order ? "full" : arrange;
    // FA2 reads `fixed` when it starts: a layout attribute, not a display one.
    const free = new Set(fresh);
    this.graph.updateEachNodeAttributes((id, data) => ({ ...data, fixed: mode === "newcomers" && !free.has(id) }), {
      attributes: ["fixed"],
    });
    const duration = mode === "full" ? Math.min(6000, 1500 + order * 1.5) : mode === "gentle" ? 1200 : 800;
    this.supervisor = new FA2Layout(this.graph, {
      settings: {
        // inferSettings() of the library, with Barnes–Hut earlier (software WebGL shares the CPU),
        // a softer pull from heavy ties, and slower steps when the picture should mostly stay.
        barnesHutOptimize: order > 800,
        strongGravityMode: true,
        gravity: 0.05,
        scalingRatio: 10,
        edgeWeightInfluence: 0.5,
        slowDown: (mode === "gentle" ? 4 : 1) * (1 + Math.log(order)),
      },
    });
    this.supervisor.start();
    this.onChange(true);
    this.timer = setTimeout(() => this.stop(), duration);
  }

  /** Stops and frees the worker; call it before changing the graph (the supervisor would respawn). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.supervisor) return;
    this.supervisor.kill();
    this.supervisor = undefined;
    this.onChange(false);
  }
}
