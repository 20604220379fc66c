import { h } from "../../core/dom.js";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const PLAY_TICK_MS = 900;

export interface TimeSliderOptions {
  readonly registeredAt: string;
  readonly at: string | undefined;
  readonly knownAt: string | undefined;
  /** A new valid time; undefined is "now" (the slider's end), which follows the live log. */
  onAt(at: string | undefined): void;
  onKnownAt(knownAt: string | undefined): void;
  /** While the view is loading, playing waits instead of piling up requests. */
  busy(): boolean;
}

export interface TimeSlider {
  readonly element: HTMLElement;
  /** Marks on the slider where survey rounds closed: from that step on, their reported ties stand. */
  markRoundCloses(closes: readonly { readonly at: string; readonly title: string }[]): void;
  stop(): void;
}

export const dateLabel = (iso: string | undefined) =>
  iso === undefined
    ? "now"
    : new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });

/** The local "YYYY-MM-DDTHH:mm" a datetime-local input shows for an instant. */
const localInput = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** A week-by-week slider over the community's lifetime, with play/pause and "as known at". */
export function createTimeSlider(options: TimeSliderOptions): TimeSlider {
  const start = Date.parse(options.registeredAt);
  const last = Math.max(1, Math.ceil((Date.now() - start) / WEEK_MS));
  const atOf = (step: number) => (step >= last ? undefined : new Date(start + step * WEEK_MS).toISOString());
  const stepOf = (at: string | undefined) =>
    at === undefined ? last : Math.min(last, Math.max(0, Math.round((Date.parse(at) - start) / WEEK_MS)));

  const label = h("output", { id: "cg-time-label", for: "cg-time", class: "cg-time-label" });
  const slider = h("input", {
    id: "cg-time",
    type: "range",
    min: 0,
    max: last,
    step: 1,
    value: stepOf(options.at),
  });
  const marks = h("datalist", { id: "cg-time-marks" });
  const show = (at: string | undefined) => {
    const text = at === undefined ? `${dateLabel(new Date().toISOString())} (now)` : dateLabel(at);
    label.textContent = text;
    slider.setAttribute("aria-valuetext", text);
  };
  show(options.at);
  slider.addEventListener("input", () => {
    const at = atOf(Number(slider.value));
    show(at);
    options.onAt(at);
  });

  let timer: ReturnType<typeof setInterval> | undefined;
  const play = h("button", { type: "button", class: "cg-play", "aria-pressed": "false" }, "Play");
  const stop = () => {
    clearInterval(timer);
    timer = undefined;
    play.setAttribute("aria-pressed", "false");
    play.textContent = "Play";
  };
  play.addEventListener("click", () => {
    if (timer !== undefined) return stop();
    if (Number(slider.value) >= last) slider.value = "0";
    play.setAttribute("aria-pressed", "true");
    play.textContent = "Pause";
    const advance = () => {
      if (options.busy()) return;
      const step = Number(slider.value) + 1;
      slider.value = String(step);
      slider.dispatchEvent(new Event("input"));
      if (step >= last) stop();
    };
    advance();
    timer = setInterval(advance, PLAY_TICK_MS);
  });

  const known = h("input", {
    id: "cg-known-at",
    type: "datetime-local",
    value: options.knownAt ? localInput(options.knownAt) : undefined,
  });
  known.addEventListener("change", () => {
    const parsed = known.value ? new Date(known.value) : undefined;
    options.onKnownAt(parsed && !Number.isNaN(parsed.getTime()) ? parsed.toISOString() : undefined);
  });
  const clear = h(
    "button",
    {
      type: "button",
      class: "cg-link-button",
      onclick: () => {
        known.value = "";
        options.onKnownAt(undefined);
      },
    },
    "Everything known now",
  );

  const element = h(
    "div",
    { class: "cg-time" },
    play,
    h("div", { class: "cg-field cg-time-field" }, h("label", { for: "cg-time" }, "As of"), slider, marks, label),
    h(
      "div",
      { class: "cg-field cg-known-field" },
      h("label", { for: "cg-known-at", title: "What copgraph had been told by then (researchers)" }, "As known at"),
      known,
      clear,
    ),
  );
  const markRoundCloses: TimeSlider["markRoundCloses"] = (closes) => {
    // The first step on or after the close: the one whose date already sees the round.
    const firstStepSeeing = (at: string) => Math.min(last, Math.ceil((Date.parse(at) - start) / WEEK_MS));
    marks.replaceChildren(
      ...closes.map(({ at, title }) =>
        h("option", { value: firstStepSeeing(at), label: `${title} closed ${dateLabel(at)}` }),
      ),
    );
    if (closes.length > 0) slider.setAttribute("list", marks.id);
    else slider.removeAttribute("list");
  };
  return { element, markRoundCloses, stop };
}
