import { isLoopback, openOnNetwork } from "../settings/loopback.js";
import { SettingsError } from "../settings/settings-error.js";
import type { AuthSetting } from "../settings/settings-schema.js";

/**
 * Whether the server runs in local development mode (callers without a key act as admin): only
 * on loopback, and never when COPGRAPH_AUTH=on. Running open on a network address is refused
 * (readSettings refuses it too, before anything starts).
 */
export function developmentMode(host: string, auth: AuthSetting): boolean {
  const refused = openOnNetwork(host, auth);
  if (refused) throw new SettingsError([refused]);
  return auth !== "on" && isLoopback(host);
}
