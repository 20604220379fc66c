import "./survey.css";
import type { RespondentRound } from "@copgraph/contract";
import { ApiError } from "../../core/api.js";
import { h, mount } from "../../core/dom.js";
import type { Page } from "../../core/router.js";
import { answerOf, draftOf } from "./answer-draft.js";
import { answerForm } from "./answer-form.js";
import { respondentApi, retryAfterOf } from "./respondent-api.js";

/** The one answer to every link that opens nothing: the page never says which case it is. */
export const LINK_DOES_NOT_WORK = "This link does not work: it may have been replaced or the round has closed.";

const when = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });

/** What to tell a respondent when a call fails (the 404 is handled by the page itself). */
function failure(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429) {
      const wait = retryAfterOf(error);
      return `Too many tries from this connection: try again ${wait ? `in ${Math.ceil(wait / 60)} minute(s)` : "later"}.`;
    }
    if (error.status === 409) return "The round has closed: it takes no more answers.";
    if (error.status === 400) return `The answer could not be saved: ${error.problem?.detail ?? error.message}.`;
    return `Something went wrong (${error.status}): please try again.`;
  }
  return "The connection failed: check you are online and try again.";
}

const notFound = (error: unknown) => error instanceof ApiError && error.status === 404;

/**
 * #/survey/<token>: a respondent's personal page, reached by their link, no account. It reads
 * the token from the fragment and sends it only in a header.
 */
const page: Page = (root, route) => {
  const token = route.token ?? "";
  let left = false;
  document.body.classList.add("sv-respondent");
  const title = document.title;

  const dead = () =>
    mount(
      root,
      h(
        "section",
        { class: "sv-page sv-dead", role: "alert", "data-state": "not-found" },
        h("h1", {}, "Survey"),
        h("p", {}, LINK_DOES_NOT_WORK),
        h("p", { class: "sv-muted" }, "If you still want to answer, ask the facilitator who sent it for a new link."),
      ),
    );
  const broken = (error: unknown) =>
    mount(
      root,
      h(
        "section",
        { class: "sv-page", role: "alert", "data-state": "error" },
        h("h1", {}, "Survey"),
        h("p", { class: "error" }, failure(error)),
      ),
    );

  const load = async (note?: string) => {
    try {
      const round = await respondentApi.round(token);
      if (!left) show(round, note);
    } catch (error) {
      if (left) return;
      if (notFound(error)) dead();
      else broken(error);
    }
  };

  function show(round: RespondentRound, note?: string): void {
    document.title = `${round.title} · survey`;
    const draft = draftOf(round.answer);
    const status = h("p", { class: "sv-status", role: "status" }, note ?? "");
    const saved = (at: string) => `Saved ${when(at)}. You can change your answer until ${when(round.closesAt)}.`;
    if (!note && round.answeredAt) status.textContent = saved(round.answeredAt);
    const save = h("button", { type: "submit", class: "sv-primary" }, "Save my answer");
    const form = h(
      "form",
      {
        class: "sv-form",
        "aria-labelledby": "sv-title",
        onsubmit: async (event: Event) => {
          event.preventDefault();
          save.disabled = true;
          status.textContent = "Saving…";
          try {
            const { answeredAt } = await respondentApi.save(token, answerOf(draft, round));
            status.textContent = saved(answeredAt);
            withdrawal.hidden = false;
            article.dataset.saved = answeredAt;
          } catch (error) {
            if (notFound(error)) return dead();
            status.textContent = failure(error);
          } finally {
            save.disabled = false;
          }
        },
      },
      answerForm(round, draft),
      h("div", { class: "sv-actions" }, save, status),
    );
    const withdrawal = withdrawPart(round, async () => {
      try {
        await respondentApi.withdraw(token);
        await load(
          `Your answer is withdrawn: it no longer counts, and your ratings are deleted. You can answer again until ${when(round.closesAt)}.`,
        );
      } catch (error) {
        if (notFound(error)) dead();
        else status.textContent = failure(error);
      }
    });
    withdrawal.hidden = round.answer === null;
    const article = h(
      "article",
      { class: "sv-page", "data-state": "ready", ...(round.answeredAt ? { "data-saved": round.answeredAt } : {}) },
      h("h1", { id: "sv-title" }, round.title),
      h(
        "p",
        { class: "sv-muted" },
        round.respondent.displayName ? `You answer as ${round.respondent.displayName}. ` : "",
        `Open until ${when(round.closesAt)}.`,
      ),
      consent(round),
      round.takesAnswers
        ? form
        : h("p", { class: "sv-status", role: "status" }, `This round opens on ${when(round.opensAt)}: come back then.`),
      withdrawal,
    );
    mount(root, article);
  }

  mount(root, h("p", { class: "sv-page", role: "status" }, "Opening your survey…"));
  void load();
  return () => {
    left = true;
    document.body.classList.remove("sv-respondent");
    document.title = title;
  };
};
export default page;

/** What is asked and who sees what, before the first question. */
function consent(round: RespondentRound): HTMLElement {
  return h(
    "section",
    { class: "sv-consent", "aria-labelledby": "sv-consent-title" },
    h("h2", { id: "sv-consent-title" }, "Before you start"),
    h(
      "p",
      {},
      "This survey asks whom in this community you turn to, how far you trust each person you name and what they bring, and a few questions about the community as a whole. It takes a few minutes.",
    ),
    // The versioned consent text, as the server gives it: what every respondent of this wording read.
    h("p", { class: "sv-consent-text", "data-consent": round.consent.id }, round.consent.text),
    h(
      "ul",
      {},
      h("li", {}, "Only names are shown here: nothing else about anyone on the list."),
      h("li", {}, `You can come back with this link until ${when(round.closesAt)}.`),
    ),
  );
}

/** Withdrawing, asked twice: a button, then a confirmation in place. */
function withdrawPart(round: RespondentRound, withdraw: () => Promise<void>): HTMLElement {
  const confirm = h(
    "div",
    { class: "sv-confirm", role: "group", "aria-labelledby": "sv-confirm-question", hidden: true },
    h(
      "p",
      { id: "sv-confirm-question" },
      `Withdraw your answer? It stops counting at once, and your ratings are deleted. You can answer again until ${when(round.closesAt)}.`,
    ),
    h(
      "button",
      {
        type: "button",
        class: "sv-danger",
        onclick: async (event: Event) => {
          (event.currentTarget as HTMLButtonElement).disabled = true;
          await withdraw();
        },
      },
      "Yes, withdraw my answer",
    ),
    h(
      "button",
      {
        type: "button",
        onclick: () => {
          confirm.hidden = true;
          ask.hidden = false;
          ask.focus();
        },
      },
      "No, keep it",
    ),
  );
  const ask: HTMLButtonElement = h(
    "button",
    {
      type: "button",
      onclick: () => {
        ask.hidden = true;
        confirm.hidden = false;
        confirm.querySelector("button")?.focus();
      },
    },
    "Withdraw my answer",
  );
  return h(
    "section",
    { class: "sv-withdraw", "aria-labelledby": "sv-withdraw-title" },
    h("h2", { id: "sv-withdraw-title" }, "Withdraw"),
    h("p", { class: "sv-muted" }, "Changed your mind about taking part? Withdraw your answer."),
    ask,
    confirm,
  );
}
