import type { GroupAttribute } from "./compare-rows.js";

/** What the comparison shows; it lives in the URL so a comparison can be shared and reloaded. */
export interface CompareState {
  readonly ids: readonly string[];
  readonly attribute: GroupAttribute;
  /** The as-of date (YYYY-MM-DD), or "" for now. */
  readonly asOf: string;
}

export const MAX_COMPARED = 50;

export function readState(query: URLSearchParams): CompareState {
  const ids = [
    ...new Set(
      (query.get("ids") ?? "")
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
  const attribute = query.get("attribute") === "occupationalLayer" ? "occupationalLayer" : "sector";
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(query.get("at") ?? "") ? (query.get("at") as string) : "";
  return { ids: ids.slice(0, MAX_COMPARED), attribute, asOf };
}

export function stateHash(state: CompareState): string {
  const parts = [`ids=${state.ids.map(encodeURIComponent).join(",")}`];
  if (state.attribute !== "sector") parts.push(`attribute=${state.attribute}`);
  if (state.asOf) parts.push(`at=${state.asOf}`);
  return `#/compare?${parts.join("&")}`;
}

/** Today as YYYY-MM-DD in the user's time zone. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The valid time `at` for an as-of date: the end of that day (local time); now for today or none. */
export function atFor(asOf: string): string | undefined {
  if (!asOf || asOf >= today()) return undefined;
  return new Date(`${asOf}T23:59:59.999`).toISOString();
}
