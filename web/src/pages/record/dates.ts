// Dates as a facilitator enters them: a calendar day, today by default. The API wants an instant
// with an offset; these turn a day into one.

const pad = (n: number) => String(n).padStart(2, "0");

/** Today as YYYY-MM-DD in the user's time zone. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const isFuture = (day: string) => day > today();

/**
 * The instant of a day: today is now (a member who joined this morning can be at today's
 * gathering); an earlier day is its start for a join (a member for the whole day) and its noon
 * for a record (after that day's joins).
 */
export function occurredAt(day: string, kind: "join" | "record"): string {
  if (day === today()) return new Date().toISOString();
  return new Date(`${day}T${kind === "join" ? "00:00:00" : "12:00:00"}`).toISOString();
}

/** Client checks of a date field, as problems for its pointer. */
export function dateProblems(day: string, pointer = "/occurredAt"): { pointer: string; message: string }[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return [{ pointer, message: "Choose a date." }];
  if (isFuture(day)) return [{ pointer, message: "The date is in the future; choose today or an earlier day." }];
  return [];
}

export const longDate = (day: string) =>
  new Date(`${day}T12:00:00`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
