/** Who is signed in: the API key (kept for this tab only) and what the server says the key may do. */
export interface Me {
  readonly keyId: string;
  readonly label?: string;
  readonly role: "admin" | "facilitator" | "researcher" | "agency";
  readonly communities: readonly string[] | "all";
  readonly development: boolean;
  readonly minGroupSize: number;
}

const STORAGE_KEY = "copgraph.apiKey";

export const session = {
  key: (): string | null => sessionStorage.getItem(STORAGE_KEY),
  signIn: (key: string) => sessionStorage.setItem(STORAGE_KEY, key.trim()),
  signOut: () => sessionStorage.removeItem(STORAGE_KEY),
  /** The `Authorization` header of every request, when signed in. */
  headers: (): Record<string, string> => {
    const key = sessionStorage.getItem(STORAGE_KEY);
    return key ? { authorization: `Bearer ${key}` } : {};
  },
};

/** The pages each role may open: agencies see aggregates only, researchers record nothing. */
export function mayOpen(me: Me, page: string): boolean {
  if (page === "sign-in" || page === "not-found") return true;
  if (me.role === "agency") return page === "overview" || page === "compare";
  if (me.role === "researcher") return page !== "record";
  return true;
}
