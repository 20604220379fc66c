/** What a key may do; grants are per community except for admins. */
export const roles = ["admin", "facilitator", "researcher", "agency"] as const;
export type Role = (typeof roles)[number];

export const isRole = (text: string): text is Role => (roles as readonly string[]).includes(text);

/** Who is calling: a key's grants, or the local developer when the server runs open. */
export interface Caller {
  readonly keyId: string;
  readonly role: Role;
  /** The communities granted; admins see every community. */
  readonly communities: readonly string[] | "all";
  readonly label?: string;
  /** Researchers: the HMAC key of their stable pseudonyms (derived from the key id, so it survives rotation). */
  readonly pseudonymKey?: string;
}

/** Every caller of a server in local development mode that sends no key. */
export const LOCAL_DEVELOPER: Caller = {
  keyId: "local",
  role: "admin",
  communities: "all",
  label: "local development",
};

export const mayAccess = (caller: Caller, communityId: string) =>
  caller.communities === "all" || caller.communities.includes(communityId);
