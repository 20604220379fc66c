import type { CommunitySummary, GraphResponse, IndicatorsResponse } from "@copgraph/contract";
import { h, mount } from "../../core/dom.js";
import { indicatorDescriptions } from "../../core/indicator-descriptions.js";
import { colourFor } from "../../core/palette.js";
import { asPopovers } from "../../core/popovers.js";
import { noticePanel } from "../notices/notice-list.js";
import { categories, colourAttributes, NO_VALUE_COLOUR, sizeIndicator } from "./appearance.js";
import { BACKBONE_ALPHA, createBackboneNote, readGraphChoice } from "./backbone.js";
import { createControls } from "./controls.js";
import { createDownloads } from "./downloads.js";
import { emptyGraphNote } from "./empty-note.js";
import { applyGraph, createGraph, type Position } from "./graph-model.js";
import { GraphView } from "./graph-view.js";
import { renderIndicators, requested } from "./indicator-panel.js";
import { type Arrange, Layout, stronger } from "./layout.js";
import { type GroupPick, renderLegend } from "./legend.js";
import { memberPanelIndicators, renderMember, renderMemberState } from "./member-panel.js";
import { queryLine } from "./query-line.js";
import { createReportedLayersView } from "./reported-layers-view.js";
import { isAbort, Latest, problemText, reads } from "./requests.js";
import { createSearch } from "./search.js";
import { siloClustersWithMembers } from "./silo-cluster-members.js";
import { siloClusters } from "./silo-clusters.js";
import { surveyRounds } from "./survey-rounds.js";
import { createTimeSlider, dateLabel } from "./time-slider.js";
import { charted, TimelineCharts } from "./timeline-charts.js";
import { loadSeries } from "./timeline-data.js";
import { ViewNames } from "./view-names.js";
import { attributeWords, graphDrawQuery, graphQuery, type ViewState, writeState } from "./view-state.js";

const DEBOUNCE_MS = 150;

export interface CommunityView {
  /** The log grew: reload what the view shows, keeping positions and choices. */
  refresh(): void;
  destroy(): void;
}

/** The community view: the graph, its legend and controls, the readings, the member panel, the trends. */
export function createCommunityView(root: HTMLElement, summary: CommunitySummary, initial: ViewState): CommunityView {
  const id = summary.communityId;
  const state: ViewState = { ...initial };
  const graph = createGraph();
  const positions = new Map<string, Position>();
  let nodes: GraphResponse["nodes"] = [];
  let latest: IndicatorsResponse | undefined;
  /** The indicator whose per-member values the nodes carry (the size measure's when it was read). */
  let nodeValues: string | undefined;
  /** Whether the view chose the backbone for a dense graph, decided by its first graph while no choice is in the URL. */
  let backboneForDensity: boolean | undefined;

  const error = h("div", { class: "cg-error", role: "alert" });
  const legend = h("aside", { class: "cg-legend", "aria-label": "Legend" });
  const canvas = h("div", { class: "cg-sigma", role: "img", "data-layout": "settled" });
  const note = h("p", { class: "cg-graph-note", role: "status" });
  const siloNote = h("p", { class: "cg-graph-note cg-silo-note", role: "status" });
  const reported = createReportedLayersView(id);
  const zoomButton = (label: string, text: string, direction: "in" | "out" | "reset") =>
    h("button", { type: "button", "aria-label": label, title: label, onclick: () => view.zoom(direction) }, text);
  const card = h(
    "section",
    { class: "cg-graph-card", "aria-label": "Relationship graph", "aria-busy": "true" },
    legend,
    h(
      "div",
      { class: "cg-graph-area" },
      canvas,
      h(
        "div",
        { class: "cg-zoom" },
        zoomButton("Zoom in", "+", "in"),
        zoomButton("Zoom out", "−", "out"),
        zoomButton("Show the whole graph", "⤢", "reset"),
        h(
          "button",
          {
            type: "button",
            "aria-label": "Rearrange the layout",
            title: "Rearrange the layout",
            onclick: () => layout.restart(),
          },
          "↻",
        ),
      ),
      note,
      siloNote,
    ),
  );
  const member = h("section", { class: "cg-member", "aria-labelledby": "cg-member-title", "data-member-panel": "" });
  member.hidden = true;
  const query = h("p", { class: "cg-query" });
  const readings = h("div", { class: "cg-readings" }, h("p", { class: "cg-muted" }, "Loading the readings…"));
  const panel = h(
    "section",
    { class: "cg-indicators", "aria-labelledby": "cg-readings-title", "data-state": "loading" },
    h("h2", { id: "cg-readings-title" }, "Readings"),
    query,
    readings,
    reported.readings,
  );
  const charts = new TimelineCharts();
  charts.showMessage("Loading the trends…");

  const change = (patch: Partial<ViewState>) => {
    Object.assign(state, patch);
    writeState(id, state);
    const keys = Object.keys(patch);
    if (keys.every((key) => key === "size" || key === "silos")) {
      // Betweenness and brokerage come with the graph, read only when a size measure draws them.
      const needed = sizeIndicator(state.size);
      if (needed === undefined || needed === nodeValues) return restyle();
      return schedule(false, "newcomers");
    }
    // Another period is another picture: leave a close-up for the whole graph.
    if (keys.includes("period")) view.zoom("reset");
    charts.mark(state.at);
    // Moving in time or recolouring keeps everyone's place; other filters change the ties, so the
    // layout may adjust gently. Only the date and the backbone leave the trends as they are.
    const keepPlaces = keys.every((key) => key === "at" || key === "knownAt" || key === "attribute");
    // The trends read recorded ties only: reported layers leave them as they are.
    const sameTrends = keys.every((key) => key === "at" || key === "backbone" || key === "reported");
    schedule(!sameTrends, keepPlaces ? "newcomers" : "gentle");
  };
  const controls = createControls(state, change);
  const backboneNote = createBackboneNote(() => change({ backbone: false }));
  // Names where the caller may see them (labels, search, member panel); ids otherwise.
  const names = new ViewNames(id);
  names.prefetch();
  const search = createSearch((wanted) => select(wanted, true));
  const slider = createTimeSlider({
    registeredAt: summary.registeredAt,
    at: state.at,
    knownAt: state.knownAt,
    onAt: (at) => change({ at }),
    onKnownAt: (knownAt) => change({ knownAt }),
    busy: () => timer !== undefined || loading,
  });
  // What the facilitator watches: its notices, live.
  const notices = noticePanel(id, { live: true });
  const downloads = createDownloads(id, () => view.renderer);
  // Survey rounds (facilitators and admins): open, links, live tracking, close.
  const surveys = surveyRounds(id, (rounds) =>
    slider.markRoundCloses(
      rounds.flatMap((round) => {
        const end =
          round.closedAt !== null && Date.parse(round.closedAt) < Date.parse(round.closesAt)
            ? round.closedAt
            : round.closesAt;
        return Date.parse(end) <= Date.now() ? [{ at: end, title: round.title }] : [];
      }),
    ),
  );

  mount(
    root,
    h(
      "div",
      { class: "cg-community" },
      h(
        "header",
        { class: "cg-head" },
        h("div", {}, h("h1", {}, summary.name), h("p", { class: "cg-muted" }, summary.concern)),
        downloads.element,
      ),
      h("div", { class: "cg-toolbar" }, search.element, controls.element),
      slider.element,
      error,
      backboneNote.element,
      reported.note,
      h("div", { class: "cg-main" }, card, h("div", { class: "cg-side" }, member, panel, notices.element)),
      charts.element,
      surveys.element,
    ),
  );

  const view = new GraphView(canvas, graph, (picked) => select(picked, false));
  const undoPopovers = asPopovers([...root.querySelectorAll<HTMLDetailsElement>(".cg-layers, .cg-downloads")]);
  const layout = new Layout(graph, (running) => {
    canvas.dataset.layout = running ? "running" : "settled";
  });

  const colourOf = (attribute: string, category: string) =>
    attribute === state.attribute
      ? (categories(nodes, attribute).find((c) => c.value === category)?.colour ?? NO_VALUE_COLOUR)
      : colourFor(attribute, category);

  /** Categories picked in the legend, for the colour attribute they were picked under. */
  const groups = { attribute: state.attribute, highlighted: new Set<string>(), hidden: new Set<string>() };
  const pickGroup: GroupPick = (pick, category, on) => {
    const set = pick === "highlight" ? groups.highlighted : groups.hidden;
    if (on) set.add(category);
    else set.delete(category);
    view.setGroups(groups.highlighted, groups.hidden);
  };

  /** What only changes the drawing (colours, sizes, outlines, legend picks): no request. */
  function restyle(): void {
    const list = categories(nodes, state.attribute);
    view.setAppearance(state.attribute, list, state.size);
    if (groups.attribute !== state.attribute) {
      groups.attribute = state.attribute;
      groups.highlighted.clear();
      groups.hidden.clear();
    }
    view.setGroups(groups.highlighted, groups.hidden);
    const silos = siloClusters(latest?.indicators["silo.clusters"]);
    view.setSilos(state.silos, silos);
    siloNote.textContent = state.silos && silos.length === 0 && graph.order > 0 ? "No silo cluster in this view." : "";
    renderLegend(legend, { ...groups, categories: list, size: state.size, silos: state.silos }, pickGroup);
    const { one } = attributeWords(state.attribute);
    canvas.setAttribute(
      "aria-label",
      `Network of ${graph.order} members and ${graph.size} ties, coloured by ${one}. Use “Find a member” to open one.`,
    );
  }

  function showGraph(response: GraphResponse, arrangeNow: Arrange): void {
    layout.stop();
    const fresh = applyGraph(graph, response, positions);
    nodes = response.nodes;
    controls.setAttributes(colourAttributes(nodes), state.attribute);
    showNames();
    void names.covering(graph.nodes()).then(showNames);
    restyle();
    note.textContent = emptyGraphNote({
      members: nodes.length,
      ties: response.ties.length,
      at: state.at,
      knownAt: state.knownAt && dateLabel(state.knownAt),
    });
    view.select(state.member);
    layout.run(arrangeNow, fresh);
  }

  /** Labels the graph's members and offers them to the search, by name where the caller may see names. */
  function showNames(): void {
    const known = names.latest;
    // No hints: sigma then indexes members just added too (with hints it repaints only known ones).
    graph.updateEachNodeAttributes((member, data) => ({ ...data, label: known.label(member) }));
    search.setMembers(known, graph.nodes());
    card.dataset.names = known.members.length > 0 ? "ready" : "ids";
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  let loading = false;
  let timelineDue = true;
  let arrange: Arrange = "full";
  const main = new Latest();
  const trend = new Latest();
  const memberRequest = new Latest();

  function schedule(withTimeline: boolean, layoutRequest: Arrange, delay = DEBOUNCE_MS): void {
    timelineDue ||= withTimeline;
    arrange = stronger(arrange, layoutRequest);
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void load();
    }, delay);
  }

  /** Graph and readings for the current state; a newer call aborts this one, so the last position wins. */
  async function load(): Promise<void> {
    const signal = main.next();
    loading = true;
    card.setAttribute("aria-busy", "true");
    panel.dataset.state = "loading";
    const q = graphQuery(state);
    // The date this load is for: the slider may have moved on before it answers.
    const at = state.at;
    downloads.update(q);
    const other = state.attribute === "sector" ? "occupationalLayer" : "sector";
    try {
      const drawn = sizeIndicator(state.size);
      const [graphChoice, shown, clusters, diversity, descriptions] = await Promise.all([
        readGraphChoice(state.backbone ?? backboneForDensity, (backbone) =>
          reads.graph(id, { ...graphDrawQuery(state), indicators: drawn, backbone }, signal),
        ),
        reads.indicators(id, { ...q, indicators: requested.filter((r) => r !== "silo.clusters").join(",") }, signal),
        siloClustersWithMembers(id, q, signal),
        reads.indicators(id, { ...graphQuery(state, other), indicators: "diversity.iqv" }, signal),
        indicatorDescriptions(),
      ]);
      const values = clusters ? { ...shown, indicators: { ...shown.indicators, "silo.clusters": clusters } } : shown;
      latest = values;
      nodeValues = drawn;
      backboneForDensity ??= graphChoice.onBackbone;
      showGraph(graphChoice.response, arrange);
      card.dataset.ties = graphChoice.onBackbone ? "backbone" : "all";
      card.dataset.backboneAlpha = String(BACKBONE_ALPHA);
      controls.setBackbone(graphChoice.onBackbone);
      backboneNote.show(graphChoice.response, state.backbone === undefined);
      reported.show(graphChoice.response.reported, at, state.knownAt);
      arrange = "newcomers";
      renderIndicators(readings, values, diversity, {
        colour: colourOf,
        windowed: state.period !== "all",
        descriptions,
      });
      mount(query, queryLine(values.query, state));
      panel.dataset.state = "ready";
      panel.dataset.at = at ?? "";
      panel.dataset.revision = String(values.query.revision);
      error.textContent = "";
    } catch (failure) {
      if (isAbort(failure)) return;
      panel.dataset.state = "error";
      error.textContent = `Could not load this view: ${problemText(failure)}`;
    } finally {
      if (!signal.aborted) {
        loading = false;
        card.setAttribute("aria-busy", "false");
      }
    }
    if (signal.aborted) return;
    if (state.member) void loadMember(state.member);
    if (timelineDue) void loadTrends();
  }

  async function loadTrends(): Promise<void> {
    timelineDue = false;
    const signal = trend.next();
    try {
      const [series, descriptions] = await Promise.all([
        loadSeries(id, summary.registeredAt, graphQuery(state), charted, signal),
        indicatorDescriptions(),
      ]);
      charts.render(series, state.attribute, state.at, descriptions);
    } catch (failure) {
      if (!isAbort(failure)) charts.showMessage(`Could not load the trends: ${problemText(failure)}`);
    }
  }

  async function loadMember(memberId: string): Promise<void> {
    const signal = memberRequest.next();
    const close = () => select(undefined, false);
    if (member.dataset.memberId !== memberId)
      renderMemberState(member, memberId, "Loading…", close, names.latest.get(memberId)?.displayName);
    member.hidden = false;
    try {
      const asked = { ...graphQuery(state), indicators: memberPanelIndicators.join(",") };
      renderMember(member, await reads.member(id, memberId, asked, signal), close);
    } catch (failure) {
      if (!isAbort(failure)) renderMemberState(member, memberId, problemText(failure), close);
    }
  }

  function select(picked: string | undefined, moveCamera: boolean): void {
    state.member = picked;
    writeState(id, state);
    view.select(picked);
    if (!picked) {
      view.zoom("reset");
      memberRequest.abort();
      member.hidden = true;
      delete member.dataset.memberId;
      return;
    }
    if (moveCamera) void view.focusOn(picked);
    void loadMember(picked);
  }

  schedule(true, "full", 0);
  return {
    refresh: () => schedule(true, "newcomers"),
    destroy() {
      clearTimeout(timer);
      main.abort();
      trend.abort();
      memberRequest.abort();
      slider.stop();
      notices.stop();
      reported.stop();
      surveys.stop();
      layout.stop();
      view.kill();
      undoPopovers();
    },
  };
}
