import type { RoundView } from "@copgraph/contract";
import { h, mount } from "../../core/dom.js";
import { problemText, reads } from "./requests.js";
import { saveFile, surveyRequests } from "./survey-requests.js";

/** A date as people read it: "7 Dec 2026". */
export const day = (iso: string) =>
  new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
export const statusWords: Record<RoundView["status"], string> = {
  scheduled: "not open yet",
  open: "open",
  closed: "closed",
};

/** One round: its links, its responses (live), and closing it. */
export function roundDetail(
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
