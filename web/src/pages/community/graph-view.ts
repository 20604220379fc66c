import Sigma from "sigma";
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import { type Category, DIMMED, measure, NO_VALUE_COLOUR, nodeSize, tieSize } from "./appearance.js";
import type { EdgeData, MemberGraph, NodeData } from "./graph-model.js";
import { onlyReported, REPORTED_TIE } from "./reported-layers-view.js";
import type { Cluster } from "./silo-clusters.js";
import { siloHulls } from "./silo-hulls.js";
import type { SizeMeasure } from "./view-state.js";

// Solid greys: translucent tie colours vanish under software WebGL (SwiftShader).
const TIE = "#c3c8d0";
const TIE_DIMMED = "#eceef1";
/** Direction on hover, Okabe–Ito blue and vermilion: ties the member gives, ties they receive. */
export const OUTGOING = "#0072B2";
export const INCOMING = "#D55E00";

/** What is drawn, decided in sigma's reducers so that the graph's data is never changed for display. */
interface Display {
  attribute: string;
  colours: Map<string, string>;
  sizes: Map<string, number>;
  maxWeight: number;
  hovered: string | undefined;
  selected: string | undefined;
  ego: Set<string>;
  silos: boolean;
  siloClusters: readonly Cluster[];
  siloMembers: Set<string>;
  /** Categories of the colour attribute picked in the legend: shown above the rest, or left out. */
  highlighted: ReadonlySet<string>;
  hidden: ReadonlySet<string>;
}

declare global {
  interface Window {
    /** The renderer and graph of the open community view, for tests and curious researchers. */
    copgraphView?: { renderer: Sigma<NodeData, EdgeData>; graph: MemberGraph; view: GraphView };
  }
}

export class GraphView {
  readonly renderer: Sigma<NodeData, EdgeData>;
  private readonly display: Display = {
    attribute: "sector",
    colours: new Map(),
    sizes: new Map(),
    maxWeight: 1,
    hovered: undefined,
    selected: undefined,
    ego: new Set(),
    silos: false,
    siloClusters: [],
    siloMembers: new Set(),
    highlighted: new Set(),
    hidden: new Set(),
  };
  private readonly removeHulls: () => void;

  constructor(
    container: HTMLElement,
    readonly graph: MemberGraph,
    onSelect: (member: string | undefined) => void,
  ) {
    this.renderer = new Sigma(graph, container, {
      allowInvalidContainer: true,
      stagePadding: 40,
      zIndex: true,
      defaultEdgeType: "line",
      hideEdgesOnMove: true,
      labelFont: "system-ui, sans-serif",
      labelSize: 12,
      labelColor: { color: "#1f2430" },
      minCameraRatio: 0.03,
      maxCameraRatio: 3,
      nodeReducer: (node, data) => this.node(node, data),
      edgeReducer: (edge, data) => this.edge(edge, data),
    });
    this.removeHulls = siloHulls(this.renderer, () =>
      this.display.silos && !this.focus()
        ? this.display.siloClusters.map((cluster) => ({
            members: cluster.members,
            colour: this.display.colours.get(cluster.dominant ?? "") ?? NO_VALUE_COLOUR,
          }))
        : [],
    );
    this.renderer.on("enterNode", ({ node }) => this.hover(node));
    this.renderer.on("leaveNode", () => this.hover(undefined));
    this.renderer.on("clickNode", ({ node }) => onSelect(node));
    this.renderer.on("clickStage", () => onSelect(undefined));
    window.copgraphView = { renderer: this.renderer, graph, view: this };
  }

  /** Colours by category, sizes by the chosen measure, thickness by weight; then redraws. */
  setAppearance(attribute: string, categories: readonly Category[], size: SizeMeasure): void {
    const display = this.display;
    display.attribute = attribute;
    display.colours = new Map(categories.map((category) => [category.value, category.colour]));
    const values = new Map<string, number>();
    this.graph.forEachNode((id, data) => {
      const node = { id, attributes: data.attrs, indicators: data.indicators };
      values.set(id, measure(node, size, this.graph.degree(id)));
    });
    const max = Math.max(0, ...values.values());
    display.sizes = new Map([...values].map(([id, value]) => [id, nodeSize(value, max, this.graph.order)]));
    display.maxWeight = this.graph.reduceEdges((top, _edge, data) => Math.max(top, data.weight), 0);
    this.renderer.setSetting("hideEdgesOnMove", this.graph.size > 3000);
    this.renderer.refresh();
  }

  setSilos(on: boolean, clusters: readonly Cluster[]): void {
    this.display.silos = on;
    this.display.siloClusters = clusters;
    this.display.siloMembers = new Set(clusters.flatMap((cluster) => cluster.members));
    this.renderer.refresh({ skipIndexation: true });
  }

  /** The legend's picks: categories to highlight (the others dimmed) and categories to leave out. */
  setGroups(highlighted: ReadonlySet<string>, hidden: ReadonlySet<string>): void {
    this.display.highlighted = new Set(highlighted);
    this.display.hidden = new Set(hidden);
    this.renderer.refresh({ skipIndexation: true });
  }

  /** Keeps a member highlighted (search, click); undefined clears it. */
  select(member: string | undefined): void {
    this.display.selected = member && this.graph.hasNode(member) ? member : undefined;
    this.updateEgo();
  }

  /** Moves the camera to a member. */
  async focusOn(member: string): Promise<void> {
    const data = this.renderer.getNodeDisplayData(member);
    if (!data) return;
    await this.renderer.getCamera().animate({ x: data.x, y: data.y, ratio: 0.35 }, { duration: 600 });
  }

  zoom(direction: "in" | "out" | "reset"): void {
    const camera = this.renderer.getCamera();
    if (direction === "in") void camera.animatedZoom({ duration: 300 });
    else if (direction === "out") void camera.animatedUnzoom({ duration: 300 });
    else void camera.animatedReset({ duration: 300 });
  }

  kill(): void {
    this.removeHulls();
    this.renderer.kill();
    if (window.copgraphView?.view === this) delete window.copgraphView;
  }

  private focus(): string | undefined {
    return this.display.hovered ?? this.display.selected;
  }

  private hover(node: string | undefined): void {
    this.display.hovered = node;
    this.updateEgo();
  }

  private updateEgo(): void {
    const focus = this.focus();
    this.display.ego = focus && this.graph.hasNode(focus) ? new Set(this.graph.neighbors(focus)) : new Set();
    this.renderer.refresh({ skipIndexation: true });
  }

  private node(id: string, data: NodeData): Partial<NodeDisplayData> {
    const display = this.display;
    const value = data.attrs[display.attribute];
    const colour = (value !== undefined && display.colours.get(value)) || NO_VALUE_COLOUR;
    if (value !== undefined && display.hidden.has(value)) return { ...data, hidden: true };
    const shown: Partial<NodeDisplayData> = {
      ...data,
      color: colour,
      size: display.sizes.get(id) ?? 3,
      zIndex: 1,
      highlighted: false,
    };
    const focus = this.focus();
    if (focus) {
      if (id === focus) return { ...shown, highlighted: true, forceLabel: true, zIndex: 3 };
      if (display.ego.has(id)) return { ...shown, zIndex: 2, forceLabel: display.ego.size <= 25 };
      return { ...shown, color: DIMMED, label: null, zIndex: 0 };
    }
    if (display.silos && !display.siloMembers.has(id)) return { ...shown, color: DIMMED, label: null, zIndex: 0 };
    if (!this.highlights(id)) return { ...shown, color: DIMMED, label: null, zIndex: 0 };
    return shown;
  }

  /** Whether a member is in a highlighted category, or nothing is highlighted. */
  private highlights(id: string): boolean {
    const { highlighted, attribute } = this.display;
    if (highlighted.size === 0) return true;
    const value = this.graph.getNodeAttribute(id, "attrs")[attribute];
    return value !== undefined && highlighted.has(value);
  }

  private edge(edge: string, data: EdgeData): Partial<EdgeDisplayData> {
    const display = this.display;
    const shown: Partial<EdgeDisplayData> = {
      ...data,
      color: onlyReported(data.layers) ? REPORTED_TIE : TIE,
      size: tieSize(data.weight, display.maxWeight),
      zIndex: 0,
    };
    const focus = this.focus();
    const source = this.graph.source(edge);
    const target = this.graph.target(edge);
    if (focus) {
      // Direction shows on hover: arrows, coloured by whether the focused member gives or receives.
      if (source === focus) return { ...shown, type: "arrow", color: OUTGOING, size: Math.max(1.5, shown.size ?? 1) };
      if (target === focus) return { ...shown, type: "arrow", color: INCOMING, size: Math.max(1.5, shown.size ?? 1) };
      return { ...shown, hidden: true };
    }
    if (display.silos && !(display.siloMembers.has(source) && display.siloMembers.has(target))) {
      return { ...shown, color: TIE_DIMMED };
    }
    if (!(this.highlights(source) && this.highlights(target))) return { ...shown, color: TIE_DIMMED };
    return shown;
  }
}
