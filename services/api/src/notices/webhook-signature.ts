import { createHmac, randomBytes } from "node:crypto";

/** A new webhook's signing key: 32 random bytes, hex. */
export const newWebhookSecret = () => randomBytes(32).toString("hex");

/** The `X-Copgraph-Signature` of a body: `sha256=` and the HMAC-SHA256 of the exact bytes sent, hex. */
export const signatureOf = (secret: string, body: string) =>
  `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
