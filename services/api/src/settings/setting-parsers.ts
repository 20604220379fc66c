import { z } from "zod";

/**
 * Reads a setting's text (trimmed, never empty: an empty variable counts as unset) into its value.
 * A refused text is an issue whose message follows the setting's name: "must be …, not 'x'".
 */
export type SettingParser<T> = z.ZodType<T, string>;

function parser<T>(read: (text: string) => T | undefined, takes: string): SettingParser<T> {
  return z.string().transform((text, context) => {
    const value = read(text);
    if (value !== undefined) return value;
    context.addIssue({ code: "custom", message: `${takes}, not '${text}'` });
    return z.NEVER;
  });
}

/** "a, b or c" */
function listed(values: readonly string[]): string {
  return values.length < 2 ? values.join("") : `${values.slice(0, -1).join(", ")} or ${values.at(-1)}`;
}

export const text: SettingParser<string> = z.string();

export function wholeNumber(min: number, max?: number): SettingParser<number> {
  return parser(
    (text) => {
      const value = Number(text);
      return Number.isSafeInteger(value) && value >= min && value <= (max ?? value) ? value : undefined;
    },
    max === undefined ? `must be a whole number of at least ${min}` : `must be a whole number from ${min} to ${max}`,
  );
}

/** One of a few words, in any case. */
export function oneOf<const T extends string>(values: readonly T[]): SettingParser<T> {
  return parser((text) => values.find((value) => value === text.toLowerCase()), `must be ${listed(values)}`);
}

const yes = ["1", "true", "yes", "on"];
const no = ["0", "false", "no", "off"];

export const yesOrNo: SettingParser<boolean> = parser(
  (text) => {
    const word = text.toLowerCase();
    return yes.includes(word) ? true : no.includes(word) ? false : undefined;
  },
  `must be ${listed([...yes, ...no])}`,
);

/** Comma-separated origins (a trailing slash dropped), or `*` for any. */
export const origins: SettingParser<string[]> = z.string().transform((text, context) => {
  const list = text
    .split(",")
    .map((origin) => origin.trim().replace(/\/+$/, ""))
    .filter((origin) => origin.length > 0);
  for (const origin of list) {
    if (origin !== "*" && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      context.addIssue({
        code: "custom",
        message: `takes origins like https://app.example.org (or *), not '${origin}'`,
      });
      return z.NEVER;
    }
  }
  return list;
});

/** An http(s) address without query or fragment (a trailing slash dropped): where people open the app. */
export const webAddress: SettingParser<string> = parser((text) => {
  if (!/^https?:\/\/[^\s?#]+$/.test(text)) return undefined;
  try {
    return new URL(text).href.replace(/\/+$/, "");
  } catch {
    return undefined;
  }
}, "must be an http(s) address such as https://copgraph.example.org");
