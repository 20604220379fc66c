import "./survey-rounds.css";
import type { RoundView } from "@copgraph/contract";
import { h, mount } from "../../core/dom.js";
import { problemText, reads } from "./requests.js";
import { chainView, readingsView } from "./survey-readings-view.js";
import { saveFile, surveyRequests } from "./survey-requests.js";
import { followSurveys } from "./survey-stream.js";
import { trackingView } from "./survey-tracking.js";

export interface SurveyRounds {
  readonly element: HTMLElement;
  /** Stops following answers as they arrive. */
  stop(): void;
}

/** Rounds are the facilitator's to run (admins and facilitators); researchers read their readings. */
const mayRun = () => ["admin", "facilitator"].includes(document.body.dataset.role ?? "");
const mayRead = () => mayRun() || document.body.dataset.role === "researcher";

const day = (iso: string) =>
  new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
const statusWords: Record<RoundView["status"], string> = { scheduled: "not open yet", open: "open", closed: "closed" };
const DEFAULT_WEEKS = 2;

/** A date field's value (a local day) as the end of that day, or its start for an open date. */
const dayToIso = (value: string, end: boolean) => new Date(`${value}T${end ? "23:59:59" : "00:00:00"}`).toISOString();
const inputDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;

/**
 * The community's survey rounds for its facilitators: open a round, download the links for a
 * mail merge, reissue one, watch who answers (live, from the `survey` messages), close it.
 */
export function surveyRounds(communityId: string): SurveyRounds {
  const element = h(
    "section",
    { class: "cg-surveys", "aria-labelledby": "cg-surveys-title", "data-state": "loading" },
    h("h2", { id: "cg-surveys-title" }, "Surveys"),
  );
  if (!mayRead()) {
    element.hidden = true;
    element.dataset.state = "hidden";
    return { element, stop: () => {} };
  }
  const list = h("ul", { class: "cg-survey-list" });
  const detail = h("div", { class: "cg-survey-round", "aria-live": "off" });
  const error = h("p", { class: "cg-error", role: "alert" });
  let rounds: RoundView[] = [];
  let selected: string | undefined;
  let trackingSlot: HTMLElement | undefined;

  // Live while a running round is open: an answer arrived or was withdrawn, the counts and its
  // tracking follow. One stream only then, since a key may hold only a few open at once.
  let stopLive: (() => void) | undefined;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const follow = (on: boolean) => {
    const refresh = () => {
      clearTimeout(pending);
      pending = setTimeout(() => {
        void refreshList();
        void refreshTracking();
      }, 150);
    };
    if (on && !stopLive) stopLive = followSurveys(communityId, refresh, refresh);
    if (!on) {
      clearTimeout(pending);
      stopLive?.();
      stopLive = undefined;
    }
  };

  const refreshList = async () => {
    try {
      rounds = (await surveyRequests.list(communityId)).rounds;
      renderList();
      element.dataset.state = "ready";
      error.textContent = "";
    } catch (failure) {
      error.textContent = `Could not read the survey rounds: ${problemText(failure)}`;
      element.dataset.state = "error";
    }
  };

  const renderList = () =>
    mount(
      list,
      ...(rounds.length === 0
        ? [h("li", { class: "cg-muted" }, "No round yet.")]
        : [...rounds].reverse().map((round) =>
            h(
              "li",
              { "data-round": round.roundId, "data-status": round.status },
              h(
                "button",
                {
                  type: "button",
                  class: "cg-link-button",
                  "aria-expanded": String(round.roundId === selected),
                  onclick: () => select(round.roundId === selected ? undefined : round.roundId),
                },
                round.title,
              ),
              h(
                "span",
                { class: "cg-muted" },
                ` ${statusWords[round.status]}, ${day(round.opensAt)} – ${day(round.closesAt)}; ${round.answered} of ${round.rosterSize} answered`,
              ),
            ),
          )),
    );

  const refreshTracking = async () => {
    if (!selected || !trackingSlot) return;
    const slot = trackingSlot;
    try {
      const tracking = await surveyRequests.tracking(communityId, selected);
      if (slot === trackingSlot) mount(slot, trackingView(tracking));
    } catch (failure) {
      if (slot === trackingSlot) mount(slot, h("p", { class: "cg-error" }, problemText(failure)));
    }
  };

  function select(roundId: string | undefined): void {
    selected = roundId;
    renderList();
    const round = rounds.find((each) => each.roundId === roundId);
    if (!round) {
      trackingSlot = undefined;
      mount(detail);
      follow(false);
      return;
    }
    const readings = roundReadings(communityId, round);
    if (!mayRun()) {
      // Researchers: the round and its readings, not its links, respondents or closing.
      trackingSlot = undefined;
      mount(
        detail,
        h("div", { class: "cg-survey-detail", "data-round": round.roundId }, h("h3", {}, round.title), readings),
      );
      return;
    }
    follow(round.status !== "closed");
    trackingSlot = h(
      "div",
      { class: "cg-survey-tracking-slot" },
      h("p", { class: "cg-muted" }, "Reading the responses…"),
    );
    mount(
      detail,
      roundDetail(communityId, round, trackingSlot, async () => {
        await refreshList();
        select(round.roundId);
      }),
      readings,
    );
    void refreshTracking();
  }

  element.append(
    h(
      "p",
      { class: "cg-muted" },
      "Ask the members whom they turn to and how far they trust them: each gets a personal link, no account.",
    ),
    list,
    ...(mayRun()
      ? [
          openForm(communityId, async (opened) => {
            await refreshList();
            select(opened.roundId);
          }),
        ]
      : []),
    detail,
    error,
  );
  void refreshList();

  return {
    element,
    stop: () => follow(false),
  };
}

/** Opening a round: a title and the dates; the roster is every member current at the open date, the questions the whole catalogue. */
function openForm(communityId: string, onOpened: (round: RoundView) => Promise<void>): HTMLElement {
  const title = h("input", {
    id: "cg-survey-title",
    name: "title",
    required: true,
    maxlength: 200,
    autocomplete: "off",
  });
  const opens = h("input", { id: "cg-survey-opens", name: "opensAt", type: "date" });
  const closes = h("input", {
    id: "cg-survey-closes",
    name: "closesAt",
    type: "date",
    required: true,
    value: inputDay(new Date(Date.now() + DEFAULT_WEEKS * 7 * 86_400_000)),
  });
  const status = h("p", { class: "cg-muted", role: "status" });
  const submit = h("button", { type: "submit" }, "Open the round");
  const form = h(
    "form",
    {
      class: "cg-survey-form",
      onsubmit: async (event: Event) => {
        event.preventDefault();
        submit.disabled = true;
        status.textContent = "Opening…";
        try {
          const opened = await surveyRequests.open(communityId, {
            title: title.value.trim(),
            closesAt: dayToIso(closes.value, true),
            ...(opens.value ? { opensAt: dayToIso(opens.value, false) } : {}),
          });
          status.textContent = `“${opened.title}” is open for ${opened.rosterSize} members. Download their links below.`;
          title.value = "";
          details.open = false;
          await onOpened(opened);
        } catch (failure) {
          status.textContent = `Not opened: ${problemText(failure)}`;
        } finally {
          submit.disabled = false;
        }
      },
    },
    h("label", { for: title.id }, "Title"),
    title,
    h("label", { for: opens.id }, "Opens on (empty: now)"),
    opens,
    h("label", { for: closes.id }, "Closes at the end of"),
    closes,
    h(
      "p",
      { class: "cg-muted" },
      "Asked: every member current at the open date, the whole question catalogue (whom they go to for advice, share knowledge with, work with; trust and value of each; three items about the community).",
    ),
    submit,
  );
  const details = h("details", { class: "cg-survey-new" }, h("summary", {}, "Open a round"), form);
  return h("div", {}, details, status);
}

/** One round: its links, its responses (live), and closing it. */
function roundDetail(
  communityId: string,
  round: RoundView,
  tracking: HTMLElement,
  onChanged: () => Promise<void>,
): HTMLElement {
  const running = round.status !== "closed";
  return h(
    "div",
    { class: "cg-survey-detail", "data-round": round.roundId },
    h("h3", {}, round.title),
    h(
      "p",
      { class: "cg-muted" },
      `${statusWords[round.status]}: from ${day(round.opensAt)} until ${day(round.closedAt ?? round.closesAt)}, ${round.rosterSize} members on the roster.`,
    ),
    running && linksPart(communityId, round),
    running && reissuePart(communityId, round),
    h("h4", {}, "Responses"),
    tracking,
    running && closePart(communityId, round, onChanged),
  );
}

function linksPart(communityId: string, round: RoundView): HTMLElement {
  const replace = h("input", { type: "checkbox", id: "cg-survey-replace" });
  const status = h("p", { class: "cg-muted", role: "status" });
  const download = h(
    "button",
    {
      type: "button",
      onclick: async () => {
        download.disabled = true;
        try {
          const file = await surveyRequests.linksCsv(communityId, round.roundId, replace.checked);
          if (file.links > 0) saveFile(file.blob, file.name);
          status.textContent =
            file.links > 0
              ? `${file.links} links downloaded (${file.name}). They are not shown again: keep the file safe until the mail merge is sent.`
              : "No new link: everyone on the roster has one. Tick “Replace every earlier link”, or reissue one member's link below.";
          replace.checked = false;
        } catch (failure) {
          status.textContent = `No links: ${problemText(failure)}`;
        } finally {
          download.disabled = false;
        }
      },
    },
    "Download the links (CSV)",
  );
  return h(
    "div",
    { class: "cg-survey-links" },
    h("h4", {}, "Links for a mail merge"),
    h(
      "p",
      { class: "cg-muted" },
      "Each link is shown once: copgraph keeps only a fingerprint of it. The file has each member's id, name and link; a link opens that member's answer until the round closes.",
    ),
    h("div", {}, replace, " ", h("label", { for: replace.id }, "Replace every earlier link (they stop working)")),
    download,
    status,
  );
}

function reissuePart(communityId: string, round: RoundView): HTMLElement {
  const member = h("select", { id: "cg-survey-member" }, h("option", { value: "" }, "Choose a member"));
  const result = h("div", { class: "cg-survey-reissued", role: "status" });
  void reads.members(communityId).then(
    ({ members }) =>
      member.append(
        ...members
          // Only those asked (the roster, when the API gives it), and none erased.
          .filter((entry) => entry.status !== "erased" && (round.roster?.includes(entry.id) ?? true))
          .map((entry) => h("option", { value: entry.id }, entry.displayName ?? entry.id)),
      ),
    () => undefined,
  );
  const reissue = h(
    "button",
    {
      type: "button",
      onclick: async () => {
        if (!member.value) return;
        const name = member.selectedOptions[0]?.textContent ?? member.value;
        try {
          const issued = await surveyRequests.reissue(communityId, round.roundId, member.value);
          const field = h("input", { id: "cg-survey-new-link", readonly: true, value: issued?.link ?? "" });
          mount(
            result,
            h("label", { for: field.id }, `New link for ${name} (shown once; the old one no longer works)`),
            field,
          );
          field.select();
        } catch (failure) {
          mount(result, h("p", { class: "cg-error" }, `No new link: ${problemText(failure)}`));
        }
      },
    },
    "New link",
  );
  return h(
    "div",
    { class: "cg-survey-reissue" },
    h("h4", {}, "Reissue one link"),
    h("label", { for: member.id }, "Member"),
    h("div", { class: "cg-survey-row" }, member, reissue),
    result,
  );
}

function closePart(communityId: string, round: RoundView, onChanged: () => Promise<void>): HTMLElement {
  const status = h("p", { class: "cg-muted", role: "status" });
  const confirm = h(
    "div",
    { class: "cg-survey-confirm", hidden: true },
    h("p", {}, "Close it now? It takes no more answers and every link stops working."),
    h(
      "button",
      {
        type: "button",
        class: "cg-survey-danger",
        onclick: async () => {
          try {
            await surveyRequests.close(communityId, round.roundId);
            await onChanged();
          } catch (failure) {
            status.textContent = `Not closed: ${problemText(failure)}`;
          }
        },
      },
      "Yes, close the round",
    ),
    " ",
    h(
      "button",
      {
        type: "button",
        onclick: () => {
          confirm.hidden = true;
          ask.hidden = false;
        },
      },
      "No",
    ),
  );
  const ask = h(
    "button",
    {
      type: "button",
      onclick: () => {
        ask.hidden = true;
        confirm.hidden = false;
      },
    },
    "Close the round",
  );
  return h("div", { class: "cg-survey-close" }, h("h4", {}, "Close"), ask, confirm, status);
}

/** A round's readings and its chain test, read once when the round is opened on the page. */
function roundReadings(communityId: string, round: RoundView): HTMLElement {
  const readings = h(
    "div",
    { class: "cg-survey-readings-slot", "data-state": "loading" },
    h("p", { class: "cg-muted" }, "Reading…"),
  );
  const chain = h(
    "div",
    { class: "cg-survey-chain-slot", "data-state": "loading" },
    h("p", { class: "cg-muted" }, "Testing…"),
  );
  const fill = async <T>(slot: HTMLElement, ask: () => Promise<T>, view: (answer: T) => HTMLElement) => {
    try {
      mount(slot, view(await ask()));
      slot.dataset.state = "ready";
    } catch (failure) {
      mount(slot, h("p", { class: "cg-error" }, problemText(failure)));
      slot.dataset.state = "error";
    }
  };
  void fill(readings, () => surveyRequests.readings(communityId, round.roundId), readingsView);
  void fill(chain, () => surveyRequests.chain(communityId, round.roundId), chainView);
  return h(
    "div",
    { class: "cg-survey-results" },
    h("h4", {}, round.status === "closed" ? "Readings" : "Readings so far"),
    readings,
    h("h4", {}, "Role switching, reciprocity and trust"),
    chain,
  );
}
