import { createHash } from "node:crypto";

/**
 * What the log keeps of an Idempotency-Key: its SHA-256, never the key (a client may put anything
 * in it, a name included, and the log cannot forget).
 */
export const idempotencyKeyHash = (key: string): string => createHash("sha256").update(key).digest("base64url");
