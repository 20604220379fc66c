// What a person reads next to a field when a value is refused: zod's issue codes in words. The
// JSON Pointer beside it (in problems) stays for programs; this is the part for people.

/** A zod issue as zod reports it, or as fastify-type-provider-zod hands it on (code and details). */
export interface IssueDetails {
  readonly code?: string;
  readonly message: string;
}

/** The code's details: expected, origin, maximum, format, values, … as zod names them. */
type Detailed = IssueDetails & { readonly [detail: string]: unknown };

/** The example of a date and time every message shows, so people see the form it takes. */
export const DATE_TIME_SENTENCE = "must be a date and time such as 2026-03-01T09:00:00Z";

// zod's own English messages start with these; a sentence a schema of copgraph writes starts in
// lower case ("must be 1-128 characters: …") and is kept as written.
const ZOD_WORDING = /^(Invalid|Too big|Too small|Unrecognized key)/;

const typeWords: Record<string, string> = {
  string: "must be text",
  number: "must be a number",
  int: "must be a whole number",
  bigint: "must be a whole number",
  boolean: "must be true or false",
  array: "must be a list",
  tuple: "must be a list",
  object: "must be an object with fields",
  record: "must be an object with fields",
  map: "must be an object with fields",
  date: "must be a date",
  null: "must be empty (null)",
};

const formatWords: Record<string, string> = {
  datetime: DATE_TIME_SENTENCE,
  date: "must be a date such as 2026-03-01",
  time: "must be a time such as 09:00:00",
  duration: "must be a duration such as P90D",
  email: "must be an email address",
  url: "must be a web address (URL)",
  uuid: "must be a UUID",
  regex: "is not in the expected form",
};

const units: Record<string, [one: string, many: string]> = {
  string: ["character", "characters"],
  array: ["item", "items"],
  set: ["item", "items"],
  file: ["byte", "bytes"],
  map: ["entry", "entries"],
};

const count = (n: number, [one, many]: [string, string]) =>
  `${n === 1 ? "one" : n.toLocaleString("en")} ${n === 1 ? one : many}`;
const text = (value: unknown) => (typeof value === "string" ? value : (JSON.stringify(value) ?? String(value)));
const list = (values: unknown) => (Array.isArray(values) ? values.map(text).join(", ") : "");
const dateOf = (limit: unknown) =>
  limit instanceof Date || typeof limit === "number" ? new Date(limit).toISOString().slice(0, 10) : text(limit);

/** "is required", "must be at most 200 characters", … for any zod issue; a schema's own sentence as written. */
export function issueSentence(details: IssueDetails): string {
  const issue = details as Detailed;
  if (!ZOD_WORDING.test(issue.message)) return issue.message;
  switch (issue.code) {
    case "invalid_type":
      // zod drops the input from the issue; its message still names what it received.
      if (/received undefined$/.test(issue.message)) return "is required";
      if (issue.expected === "number" && /received NaN$/.test(issue.message)) return "must be a number";
      return typeWords[String(issue.expected)] ?? `must be ${text(issue.expected)}`;
    case "too_big":
    case "too_small":
      return sizeSentence(issue, issue.code === "too_big");
    case "invalid_format": {
      const format = String(issue.format);
      if (format === "starts_with") return `must start with "${text(issue.prefix)}"`;
      if (format === "ends_with") return `must end with "${text(issue.suffix)}"`;
      if (format === "includes") return `must include "${text(issue.includes)}"`;
      return formatWords[format] ?? `must be a valid ${format.replaceAll("_", " ")}`;
    }
    case "not_multiple_of":
      return `must be a multiple of ${text(issue.divisor)}`;
    case "unrecognized_keys": {
      const keys = Array.isArray(issue.keys) ? issue.keys : [];
      return keys.length === 1 ? `${text(keys[0])} is not a field here` : `${list(keys)} are not fields here`;
    }
    case "invalid_union":
      return Array.isArray(issue.options) && issue.options.length > 0
        ? `must be one of: ${list(issue.options)}`
        : "does not match any of the accepted forms";
    case "invalid_key":
      return "has a name that is not allowed";
    case "invalid_element":
      return "holds a value that is not allowed";
    case "invalid_value":
      return Array.isArray(issue.values) && issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of: ${list(issue.values)}`;
    default:
      return "is not valid";
  }
}

/** too_big and too_small: lengths of text and lists, sizes of numbers, dates. */
function sizeSentence(issue: Detailed, big: boolean): string {
  const limit = big ? issue.maximum : issue.minimum;
  const origin = String(issue.origin);
  const unit = units[origin];
  const n = Number(limit);
  if (unit) {
    if (issue.exact) return `must be exactly ${count(n, unit)}`;
    if (!big && origin === "string" && n === 1) return "must not be empty";
    if (origin === "string") return `must be ${big ? "at most" : "at least"} ${count(n, unit)}`;
    return `must have ${big ? "at most" : "at least"} ${count(n, unit)}`;
  }
  if (origin === "date") return `must be ${big ? "on or before" : "on or after"} ${dateOf(limit)}`;
  if (issue.exact) return `must be exactly ${text(limit)}`;
  if (issue.inclusive === false) return `must be ${big ? "less" : "more"} than ${text(limit)}`;
  return `must be ${big ? "at most" : "at least"} ${text(limit)}`;
}
