import "./notices.css";
import type { Notice, NoticeList } from "@copgraph/contract";
import { h, mount } from "../../core/dom.js";
import { indicatorDescriptions } from "../../core/indicator-descriptions.js";
import { session } from "../../core/session.js";
import { noticeDate, noticeSentence } from "./notice-sentence.js";
import { followNotices } from "./notice-stream.js";
import { watchForm } from "./watch-form.js";

export interface NoticePanel {
  readonly element: HTMLElement;
  /** Stops following new notices. */
  stop(): void;
}

/** Notices are the facilitator's: admins and facilitators ask for them, other roles see nothing. */
const mayWatch = () => ["admin", "facilitator"].includes(document.body.dataset.role ?? "");

/**
 * A community's notices, newest first, each with its date and a link to that date on the slider.
 * `live` adds the ones found while the page is open; `limit` keeps the newest few (the overview card).
 */
export function noticePanel(communityId: string, options: { live?: boolean; limit?: number } = {}): NoticePanel {
  const list = h("ol", { class: "cg-notice-list" });
  const element = h(
    "section",
    { class: "cg-notices", "aria-label": "Notices", "data-state": "loading", "data-community": communityId },
    h("h2", { class: "cg-notices-title" }, "Notices"),
    list,
  );
  const shown = new Map<string, Notice>();
  let titles = new Map<string, string>();
  let stopLive = () => {};

  const render = () => {
    const newest = [...shown.values()].sort((a, b) => b.at.localeCompare(a.at));
    const kept = options.limit === undefined ? newest : newest.slice(0, options.limit);
    mount(
      list,
      ...(kept.length === 0
        ? [h("li", { class: "cg-notice-none" }, "Nothing you watch has happened.")]
        : kept.map((notice) =>
            h(
              "li",
              { class: "cg-notice", "data-notice": notice.id, "data-at": notice.at },
              h("time", { datetime: notice.at }, noticeDate(notice.at)),
              " ",
              noticeSentence(notice, notice.indicator ? titles.get(notice.indicator) : undefined),
              " ",
              h(
                "a",
                { href: notice.link, "aria-label": `See it on the slider: ${noticeDate(notice.at)}` },
                "See it on the slider",
              ),
            ),
          )),
    );
  };

  if (!mayWatch()) {
    element.hidden = true;
    element.dataset.state = "hidden";
    return { element, stop: () => {} };
  }
  const load = async () => {
    const response = await fetch(`/v1/communities/${encodeURIComponent(communityId)}/notices`, {
      headers: session.headers(),
    });
    if (!response.ok) throw new Error(`notices: ${response.status}`);
    const { notices, watching } = (await response.json()) as NoticeList;
    // Nothing watched, nothing to say on the overview: the card stays out of the way. The community
    // view keeps the panel, where a watch is set.
    if (watching === 0 && notices.length === 0 && !options.live) {
      element.hidden = true;
      element.dataset.state = "none";
      return;
    }
    shown.clear();
    for (const notice of notices) shown.set(notice.id, notice);
    render();
    element.hidden = false;
    element.dataset.state = "ready";
    // New notices live only once something is watched: a stream held for nothing costs one of
    // the few connections a browser keeps per server.
    if (options.live && watching > 0 && !following) {
      following = true;
      stopLive = followNotices(communityId, (notice) => {
        shown.set(notice.id, notice);
        render();
        element.dataset.state = "ready";
      });
    }
  };
  let following = false;
  void (async () => {
    titles = new Map([...(await indicatorDescriptions())].map(([id, description]) => [id, description.title]));
    if (options.live) element.append(watchForm(communityId, titles, load));
    await load();
  })().catch(() => {
    element.dataset.state = "error";
    mount(list, h("li", { class: "cg-notice-none" }, "The notices could not be loaded."));
  });
  return { element, stop: () => stopLive() };
}
