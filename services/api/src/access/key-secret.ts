import { createHash, randomBytes } from "node:crypto";

const SECRET_PREFIX = "cgk_";

/** 32 random bytes: a secret too strong to guess, so a plain SHA-256 of it is safe to store. */
export const newSecret = () => `${SECRET_PREFIX}${randomBytes(32).toString("base64url")}`;

export const newKeyId = () => `k_${randomBytes(6).toString("hex")}`;

/** What the key store keeps instead of the secret. */
export const hashSecret = (secret: string) => createHash("sha256").update(secret, "utf8").digest("hex");

/** The secret from an `Authorization: Bearer <secret>` header, if it has that shape. */
export function bearerSecret(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1];
}
