/** A page draws itself into `root` and returns what to undo when the user leaves it. */
export type Page = (root: HTMLElement, route: Route) => (() => void) | undefined | Promise<(() => void) | undefined>;

export interface Route {
  readonly name: "overview" | "community" | "record" | "compare" | "sign-in" | "survey" | "not-found";
  readonly communityId?: string;
  /** A survey respondent's link token (#/survey/<token>): it stays in the fragment, never in a request URL. */
  readonly token?: string;
  readonly query: URLSearchParams;
}

/** Hash routes: #/, #/c/<id>, #/c/<id>/record, #/compare?ids=a,b,c, #/survey/<token>. */
export function parseRoute(hash: string): Route {
  const [path = "", queryText = ""] = hash.replace(/^#/, "").split("?");
  const query = new URLSearchParams(queryText);
  let parts: string[];
  try {
    parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    // A broken escape ("%E0%A4%A") is an address that leads nowhere, not a blank page.
    return { name: "not-found", query };
  }
  if (parts.length === 0) return { name: "overview", query };
  if (parts[0] === "compare" && parts.length === 1) return { name: "compare", query };
  if (parts[0] === "sign-in" && parts.length === 1) return { name: "sign-in", query };
  if (parts[0] === "survey" && parts[1] && parts.length === 2) return { name: "survey", token: parts[1], query };
  if (parts[0] === "c" && parts[1] && parts.length === 2) return { name: "community", communityId: parts[1], query };
  if (parts[0] === "c" && parts[1] && parts[2] === "record" && parts.length === 3) {
    return { name: "record", communityId: parts[1], query };
  }
  return { name: "not-found", query };
}

export const links = {
  overview: () => "#/",
  community: (id: string) => `#/c/${encodeURIComponent(id)}`,
  record: (id: string) => `#/c/${encodeURIComponent(id)}/record`,
  compare: (ids: readonly string[]) => `#/compare?ids=${ids.map(encodeURIComponent).join(",")}`,
};
