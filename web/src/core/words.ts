// Slugs and codes as words on screen: `public-authority` → "public authority",
// `occupationalLayer` → "occupational layer", `P90D` → "90 days". The values stay for programs
// (URLs, tooltips, downloads); people read these.

// A catalogue slug (`public-authority`, `non_formal`) or a field name (`occupationalLayer`); other
// text (an organisation's name, a region people typed) is shown as written.
const SLUG = /^[a-z0-9]+(?:[-_][a-z0-9]+)+$/;
const CAMEL_CASE = /^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+$/;

/** A catalogue value or field name in words: hyphens, underscores and camel case become spaces. */
export function slugWords(slug: string): string {
  if (CAMEL_CASE.test(slug)) return slug.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return SLUG.test(slug) ? slug.replace(/[-_]/g, " ") : slug;
}

const durationUnits: Record<string, [one: string, many: string]> = {
  Y: ["year", "years"],
  M: ["month", "months"],
  W: ["week", "weeks"],
  D: ["day", "days"],
  h: ["hour", "hours"],
  m: ["minute", "minutes"],
  s: ["second", "seconds"],
};

/** An ISO 8601 duration in words ("P90D" → "90 days", "P1Y6M" → "1 year and 6 months"); the code itself if it is not one. */
export function durationWords(duration: string): string {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(duration);
  if (!match || duration === "P" || duration.endsWith("T")) return duration;
  const parts = ["Y", "M", "W", "D", "h", "m", "s"].flatMap((unit, i) => {
    const text = match[i + 1];
    if (text === undefined) return [];
    const [one, many] = durationUnits[unit]!;
    const n = Number(text);
    return [`${n.toLocaleString("en")} ${n === 1 ? one : many}`];
  });
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : (parts[0] ?? duration);
}

/** The view's period (`all`, `window:P90D`, `halfLife:P30D`) in words. */
export function periodWords(period: string): string {
  const [kind, duration = ""] = period.split(":");
  if (kind === "window") return `the last ${durationWords(duration)}`;
  if (kind === "halfLife") return `fading with a half-life of ${durationWords(duration)}`;
  return "the whole history";
}
