// What runs inside the page. Plain JavaScript in strings: the test tsconfig has no DOM library, and
// tsx's transform (keepNames adds `__name(…)` calls) must not reach code that Playwright serialises.
// Every time is performance.now() in the page: milliseconds since the navigation started.

/** One sigma render: from its beforeRender to its afterRender event, with the graph's size then. */
export interface RenderRecord {
  readonly began: number;
  readonly t: number;
  readonly order: number;
  readonly size: number;
}

/** A PerformanceResourceTiming entry, reduced to what the report uses. */
export interface ResourceRecord {
  readonly name: string;
  readonly startTime: number;
  readonly requestStart: number;
  readonly responseStart: number;
  readonly responseEnd: number;
  readonly encodedBodySize: number;
  readonly decodedBodySize: number;
}

/**
 * The frame after a render: the first requestAnimationFrame callback after it (the start of the
 * browser's next rendering update) and the end of that update (a MessageChannel message posted from
 * the callback runs once style, layout and paint of that frame are done on the main thread).
 */
export interface FrameRecord {
  /** afterRender time of the first render this frame is the next frame of. */
  readonly renderT: number;
  readonly frameStart: number;
  readonly frameDone: number;
}

export interface ProbeState {
  readonly renders: RenderRecord[];
  /** The first afterRender with at least one node in the graph. */
  readonly firstRender: RenderRecord | null;
  /** The frame after each render (several renders in one task share one frame). */
  readonly frames: FrameRecord[];
  /** When window.copgraphView was set (the GraphView and its sigma renderer exist). */
  readonly viewCreated: number | null;
}

const MAX_RENDERS = 20_000;

/**
 * Installed before any page script (context.addInitScript). Traps the assignment of
 * window.copgraphView by the GraphView constructor, so the render listeners are on sigma before
 * its first render with nodes, however fast that comes: polling from the test could miss it.
 */
export const INIT_SCRIPT = `(() => {
  const probe = { renders: [], firstRender: null, frames: [], viewCreated: null };
  Object.defineProperty(window, "__copgraphBench", { value: probe, configurable: true });
  try { performance.setResourceTimingBufferSize(10000); } catch (e) {}
  const channel = new MessageChannel();
  let pending = null;
  channel.port1.onmessage = () => {
    if (pending && probe.frames.length < ${MAX_RENDERS}) probe.frames.push({ ...pending, frameDone: performance.now() });
    pending = null;
  };
  let current;
  Object.defineProperty(window, "copgraphView", {
    configurable: true,
    enumerable: true,
    get() { return current; },
    set(value) {
      current = value;
      if (!value || !value.renderer || !value.graph) return;
      if (probe.viewCreated === null) probe.viewCreated = performance.now();
      const renderer = value.renderer;
      const graph = value.graph;
      let began = 0;
      renderer.on("beforeRender", () => { began = performance.now(); });
      renderer.on("afterRender", () => {
        const record = { began, t: performance.now(), order: graph.order, size: graph.size };
        if (probe.renders.length < ${MAX_RENDERS}) probe.renders.push(record);
        if (record.order > 0 && probe.firstRender === null) probe.firstRender = record;
        if (record.order > 0 && pending === null) {
          pending = { renderT: record.t, frameStart: -1 };
          requestAnimationFrame(() => {
            pending.frameStart = performance.now();
            channel.port2.postMessage(0);
          });
        }
      });
    },
  });
})();`;

/** The frame after the first render with nodes has been produced. */
export const PROBE_READY =
  "window.__copgraphBench !== undefined && window.__copgraphBench.firstRender !== null && window.__copgraphBench.frames.some((f) => f.renderT >= window.__copgraphBench.firstRender.t)";

/** The view has its readings, its layout has stopped and the trends request has answered (or failed). */
export const VIEW_IDLE = `(() => {
  const panel = document.querySelector(".cg-indicators");
  const sigma = document.querySelector(".cg-sigma");
  const charts = document.querySelector(".cg-charts");
  const trendsDone = !!charts && (!!charts.querySelector(".cg-chart-grid") || !charts.textContent.includes("Loading the trends"));
  return !!panel && panel.dataset.state === "ready" && !!sigma && sigma.dataset.layout === "settled" && trendsDone;
})()`;

/** The probe's records and the page's resource timings. */
export const COLLECT = `(() => {
  const probe = window.__copgraphBench;
  const resources = performance.getEntriesByType("resource").map((e) => ({
    name: e.name, startTime: e.startTime, requestStart: e.requestStart, responseStart: e.responseStart,
    responseEnd: e.responseEnd, encodedBodySize: e.encodedBodySize, decodedBodySize: e.decodedBodySize,
  }));
  const nav = performance.getEntriesByType("navigation")[0];
  return {
    probe,
    resources,
    navigation: nav ? { responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd } : null,
    view: window.copgraphView ? { order: window.copgraphView.graph.order, size: window.copgraphView.graph.size } : null,
  };
})()`;

export interface Collected {
  readonly probe: ProbeState;
  readonly resources: ResourceRecord[];
  readonly navigation: { responseEnd: number; domContentLoaded: number; load: number } | null;
  readonly view: { order: number; size: number } | null;
}

/** The browser's WebGL renderer string (SwiftShader here) and user agent, for the record. */
export const BROWSER_INFO = `(() => {
  const canvas = document.createElement("canvas");
  const gl = canvas.getContext("webgl");
  const ext = gl && gl.getExtension("WEBGL_debug_renderer_info");
  return {
    userAgent: navigator.userAgent,
    webgl: gl ? String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : "no WebGL",
    devicePixelRatio: window.devicePixelRatio,
  };
})()`;

export interface DragOptions {
  readonly steps: number;
  readonly intervalMs: number;
  /** How long to wait, after the last step, for the final position's readings. */
  readonly timeoutMs: number;
  /** Frames recorded with the page idle before the first step. */
  readonly idleMs: number;
}

export interface DragRecord {
  /** performance.now() of each requestAnimationFrame callback from just before the drag to the end. */
  readonly frames: number[];
  /** Each step: when it was due and when its input event had been handled (the handler is synchronous). */
  readonly inputs: { due: number; done: number }[];
  readonly idleStart: number;
  /** The drag's time zero: step i is due at dragStart + i × intervalMs. */
  readonly dragStart: number;
  readonly lastInput: number;
  /** The `at` of the slider's final position (from the URL the page writes). */
  readonly finalAt: string | null;
  /** When the readings panel showed the final position (data-state=ready, data-at=finalAt); null: timed out. */
  readonly readyAt: number | null;
  readonly sliderFrom: number;
  readonly sliderTo: number;
  readonly sliderMax: number;
}

/**
 * Moves the time slider `steps` weeks forward from where it is, one step every `intervalMs`
 * (setTimeout against a fixed schedule, so a busy main thread delays the steps as it would a
 * real drag), by setting the range input's value and dispatching an input event, as the page's
 * own Play button does. A requestAnimationFrame loop records every frame from `idleMs` before the
 * first step until two frames after the final position's readings are in. Bounded by `steps` and
 * `timeoutMs`.
 */
export const dragScript = (options: DragOptions) => `(async (options) => {
  const slider = document.getElementById("cg-time");
  if (!slider) throw new Error("no #cg-time slider");
  const frames = [];
  let recording = true;
  const onFrame = () => {
    frames.push(performance.now());
    if (recording && frames.length < 100000) requestAnimationFrame(onFrame);
  };
  await new Promise((resolve) => requestAnimationFrame(() => { onFrame(); resolve(); }));
  const idleStart = performance.now();
  await new Promise((resolve) => setTimeout(resolve, options.idleMs));
  const sliderFrom = Number(slider.value);
  const sliderMax = Number(slider.max);
  const inputs = [];
  const dragStart = performance.now();
  for (let i = 1; i <= options.steps; i++) {
    const due = dragStart + i * options.intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    slider.value = String(sliderFrom + i);
    slider.dispatchEvent(new Event("input", { bubbles: true }));
    inputs.push({ due, done: performance.now() });
  }
  const lastInput = performance.now();
  const finalAt = new URLSearchParams(location.hash.split("?")[1] || "").get("at");
  let readyAt = null;
  while (performance.now() - lastInput < options.timeoutMs) {
    const panel = document.querySelector(".cg-indicators");
    if (panel && panel.dataset.state === "ready" && panel.dataset.at === finalAt) { readyAt = performance.now(); break; }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  recording = false;
  // Chromium may list a fetch's resource timing some tasks after its body was read: wait for the
  // final position's graph entry (its times are its own, so waiting does not change them).
  const listed = () => performance.getEntriesByType("resource").some((e) => {
    const url = new URL(e.name);
    return url.pathname.endsWith("/graph") && url.searchParams.get("at") === finalAt;
  });
  const waitFrom = performance.now();
  while (readyAt !== null && !listed() && performance.now() - waitFrom < 5000) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { frames, inputs, idleStart, dragStart, lastInput, finalAt, readyAt, sliderFrom, sliderTo: Number(slider.value), sliderMax };
})(${JSON.stringify(options)})`;

/**
 * Waits until a page expression is truthy, asking it with `page.evaluate` every `polling` ms:
 * Playwright's waitForFunction evaluates a string predicate with eval inside the page, which the
 * app's Content-Security-Policy (script-src 'self') refuses.
 */
export async function waitForExpression(
  page: { evaluate(expression: string): Promise<unknown> },
  expression: string,
  { timeout, polling }: { timeout: number; polling: number },
): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeout} ms waiting for: ${expression.slice(0, 120)}`);
    await new Promise((resolve) => setTimeout(resolve, polling));
  }
}
