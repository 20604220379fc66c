import type { MemberListEntry } from "@copgraph/contract";
import { h, mount } from "../../core/dom.js";
import { problemText, reads } from "./requests.js";

export interface RosterPicker {
  readonly element: HTMLElement;
  /** The members ticked; undefined while everyone current is (the server then asks everyone current at the open date). */
  chosen(): string[] | undefined;
}

/**
 * Who a round asks: every current member, ticked; the facilitator finds people by name and unticks
 * those not to ask (someone away for the whole round, a new member who knows no one yet).
 */
export function rosterPicker(communityId: string): RosterPicker {
  const ticked = new Set<string>();
  let current: MemberListEntry[] = [];
  const summary = h("summary", {}, "Who is asked: every current member");
  const find = h("input", { type: "search", id: "cg-survey-roster-find", autocomplete: "off" });
  const list = h("div", { class: "cg-survey-roster", role: "group", "aria-label": "Members asked" });
  const status = h("p", { class: "cg-muted", role: "status" }, "Loading the members…");

  const show = () => {
    summary.textContent =
      ticked.size === current.length
        ? `Who is asked: every current member (${current.length})`
        : `Who is asked: ${ticked.size} of ${current.length} current members`;
    status.textContent = ticked.size === 0 ? "Tick at least one member." : "";
  };
  const name = (member: MemberListEntry) => member.displayName ?? member.id;
  const draw = () => {
    const wanted = find.value.trim().toLowerCase();
    const shown = current.filter((member) => `${name(member)} ${member.id}`.toLowerCase().includes(wanted));
    mount(
      list,
      ...shown.map((member) => {
        const box = h("input", {
          type: "checkbox",
          value: member.id,
          checked: ticked.has(member.id),
          onchange: () => {
            if (box.checked) ticked.add(member.id);
            else ticked.delete(member.id);
            show();
          },
        });
        return h("label", { class: "cg-check" }, box, name(member));
      }),
    );
  };
  find.addEventListener("input", draw);
  const all = (on: boolean) => () => {
    for (const member of current) {
      if (on) ticked.add(member.id);
      else ticked.delete(member.id);
    }
    draw();
    show();
  };

  void reads.members(communityId).then(
    (answer) => {
      current = answer.members.filter((member) => member.status === "active");
      for (const member of current) ticked.add(member.id);
      status.textContent = "";
      draw();
      show();
    },
    (failure) => {
      status.textContent = `Could not load the members: ${problemText(failure)}. The round asks every current member.`;
    },
  );

  const element = h(
    "details",
    { class: "cg-survey-roster-picker" },
    summary,
    h("label", { for: find.id }, "Find a name"),
    find,
    h(
      "div",
      { class: "cg-survey-row" },
      h("button", { type: "button", onclick: all(true) }, "Tick everyone"),
      h("button", { type: "button", onclick: all(false) }, "Untick everyone"),
    ),
    list,
    status,
  );
  return {
    element,
    chosen: () =>
      current.length === 0 || ticked.size === current.length
        ? undefined
        : current.filter((member) => ticked.has(member.id)).map((member) => member.id),
  };
}
