import type { Notice } from "@copgraph/contract";

const number = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2));

/** When it happened, as a person reads a date. */
export const noticeDate = (iso: string) =>
  new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** What a notice says, in a plain sentence about the community (never about a member). */
export function noticeSentence(notice: Notice, title: string | undefined): string {
  const { condition } = notice;
  const reading = title ?? notice.indicator ?? "";
  const value = number(notice.value);
  switch (condition.kind) {
    case "below-baseline":
      return `${reading} fell below its baseline: ${value} against ${number(notice.baseline)}.`;
    case "below":
      return `${reading} fell below ${number(condition.threshold)}: ${value}.`;
    case "above":
      return `${reading} rose above ${number(condition.threshold)}: ${value}.`;
    case "drops-by":
      return `${reading} dropped by more than ${number(condition.by)} within ${condition.days} days: ${value}, from ${number(notice.baseline)}.`;
    case "no-gathering":
      return `No gathering for ${condition.days} days.`;
  }
}
