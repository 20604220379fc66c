// XML escaping for the GEXF and GraphML writers: safe in text and in attribute values alike.

const entities: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  // Character references keep tabs and line breaks in attribute values, which parsers would turn into spaces.
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

/** Characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF). */
const invalid =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes markup characters and replaces characters XML cannot hold with U+FFFD. */
export function escapeXml(value: string | number): string {
  return String(value)
    .replace(invalid, "\uFFFD")
    .replace(/[&<>"'\t\n\r]/g, (c) => entities[c]!);
}

/** `name="value"` pairs for the attributes that are defined, escaped. */
export function xmlAttributes(attributes: Readonly<Record<string, string | number | undefined>>): string {
  return Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(value!)}"`)
    .join("");
}
