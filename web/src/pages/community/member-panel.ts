import type { MemberResponse } from "@copgraph/contract";
import { formatValue, h, mount } from "../../core/dom.js";
import { raw } from "./indicator-panel.js";
import { attributeWords } from "./view-state.js";

// A member's position in words. It describes where someone stands in the network (bridging,
// taking several roles); it never grades them, and it shows no comparison with other members.

type Values = Record<string, number | null>;
/** The per-member values the panel shows: the member endpoint computes only these. */
export const memberPanelIndicators = [
  "diversity.ego",
  "reciprocity.member",
  "silo.brokerage",
  "roles.dual_role_share",
  "roles.richness",
  "roles.switch_rate",
  "activity.active_members",
] as const;

const num = (values: Values, id: string) => (typeof values[id] === "number" ? (values[id] as number) : null);
const pct = (share: number) => `${Math.round(share * 100)}%`;

function position(response: MemberResponse): string[] {
  const values = response.member.indicators;
  const attribute = response.query.attribute;
  const { one, many } = attributeWords(attribute);
  const contacts = response.ego.nodes.length - 1;
  const lines = [
    contacts === 0
      ? "Not tied with anyone in this view yet: an invitation to include them, not a verdict."
      : `Tied with ${contacts.toLocaleString("en")} ${contacts === 1 ? "member" : "members"} in the selected layers.`,
  ];
  const ego = num(values, "diversity.ego");
  if (ego !== null) {
    const mix = ego < 0.2 ? `mostly from one ${one}` : ego < 0.5 ? `from a few ${many}` : `from many ${many}`;
    lines.push(`Their contacts come ${mix} (ego diversity ${formatValue(ego)}).`);
  }
  const mutual = num(values, "reciprocity.member");
  if (mutual !== null) {
    const way =
      mutual >= 0.75
        ? "Most of their ties run both ways"
        : mutual >= 0.4
          ? "Some of their ties run both ways, some one way"
          : mutual > 0
            ? "Most of their ties run one way"
            : "Their ties run one way so far";
    lines.push(`${way} (reciprocity ${formatValue(mutual)}).`);
  }
  const brokerage = num(values, "silo.brokerage");
  if (brokerage !== null) {
    lines.push(
      brokerage > 0
        ? `Sits on ${formatValue(brokerage, "count")} open two-step paths between members not tied directly: a bridging position (brokerage).`
        : "No open paths run through them: their contacts are tied to each other directly, or to no one else.",
    );
  }
  return lines;
}

function roles(values: Values): string[] {
  const lines: string[] = [];
  const dual = num(values, "roles.dual_role_share");
  if (dual === 1) lines.push("Both gave (facilitated, presented, advised) and received (learned, were mentored).");
  if (dual === 0) lines.push("Took part in one direction in this period: giving or receiving.");
  const richness = num(values, "roles.richness");
  if (richness !== null) lines.push(`Held ${formatValue(richness, "count")} different roles at gatherings.`);
  const switching = num(values, "roles.switch_rate");
  if (switching !== null) {
    lines.push(`Came in a different kind of role than the time before at ${pct(switching)} of their participations.`);
  }
  const events = num(values, "activity.active_members");
  if (events !== null) {
    lines.push(`Took part in ${formatValue(events, "count")} interactions and gatherings in this period.`);
  }
  if (lines.length === 0) lines.push("No gatherings or interactions in this period to read roles from.");
  return lines;
}

/** The panel's words for the attributes it shows first, in this order; others follow by their key in words. */
const attributeNames: Record<string, string> = {
  displayName: "Name",
  organisation: "Organisation",
  sector: "Sector",
  occupationalLayer: "Occupational layer",
  learningEnvironment: "Learning environment",
};
const catalogueValues: ReadonlySet<string> = new Set(["sector", "occupationalLayer", "learningEnvironment"]);

/** "yearsInPractice", "years_in_practice" or "years-in-practice" → "Years in practice". */
export function attributeLabel(key: string): string {
  const known = attributeNames[key];
  if (known) return known;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

/** The attributes as label and value, the known ones first; catalogue slugs read as words. */
export function attributeLines(attributes: Record<string, string>): [string, string][] {
  const order = Object.keys(attributeNames);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return Object.entries(attributes)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b, "en"))
    .map(([key, value]) => [attributeLabel(key), catalogueValues.has(key) ? value.replaceAll("-", " ") : value]);
}

const panelHead = (title: string, id: string, close: () => void) =>
  h(
    "div",
    { class: "cg-panel-head" },
    h(
      "div",
      {},
      h("h2", { id: "cg-member-title" }, title),
      title === `Member ${id}` ? null : h("p", { class: "cg-muted" }, `Member ${id}`),
    ),
    h("button", { type: "button", class: "cg-link-button", onclick: close }, "Close"),
  );

/** Fills the panel with a member's attributes, position and roles (named when the caller may see names). */
export function renderMember(element: HTMLElement, response: MemberResponse, close: () => void): void {
  const { member } = response;
  const values = member.indicators;
  const list = (lines: string[]) => h("ul", {}, ...lines.map((line) => h("li", {}, line)));
  element.dataset.memberId = member.id;
  mount(
    element,
    panelHead(member.attributes.displayName ?? `Member ${member.id}`, member.id, close),
    h(
      "dl",
      { class: "cg-attributes" },
      ...attributeLines(member.attributes).flatMap(([label, value]) => [h("dt", {}, label), h("dd", {}, value)]),
    ),
    h("h3", {}, "Position in the network"),
    list(position(response)),
    h("h3", {}, "Roles and taking part"),
    list(roles(values)),
    h(
      "p",
      {
        class: "cg-muted",
        "data-ego-diversity": raw(values["diversity.ego"]),
        "data-reciprocity": raw(values["reciprocity.member"]),
        "data-brokerage": raw(values["silo.brokerage"]),
      },
      "This describes a position in the network as of the chosen date, not a judgement of the person.",
    ),
  );
}

/** The panel while the member loads or when they could not be read; `name` when the caller may see it. */
export function renderMemberState(
  element: HTMLElement,
  member: string,
  text: string,
  close: () => void,
  name?: string,
): void {
  element.dataset.memberId = member;
  mount(element, panelHead(name ?? `Member ${member}`, member, close), h("p", { role: "status" }, text));
}
