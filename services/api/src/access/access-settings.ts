import { DEFAULT_MIN_GROUP_SIZE } from "./access-plugin.js";

/** COPGRAPH_AUTH: `on` always requires keys, `off` runs open (loopback only), `auto` is open on loopback only. */
export type AuthSetting = "auto" | "on" | "off";

export interface AccessSettings {
  readonly auth: AuthSetting;
  /** COPGRAPH_MIN_GROUP_SIZE: agencies see no value of a smaller group. */
  readonly minGroupSize: number;
}

export class AccessSettingsError extends Error {}

export function readAccessSettings(env: NodeJS.ProcessEnv): AccessSettings {
  const auth = (env.COPGRAPH_AUTH?.trim().toLowerCase() || "auto") as AuthSetting;
  if (!["auto", "on", "off"].includes(auth)) {
    throw new AccessSettingsError(`COPGRAPH_AUTH must be auto, on or off, not '${env.COPGRAPH_AUTH}'`);
  }
  const sizeText = env.COPGRAPH_MIN_GROUP_SIZE?.trim() || String(DEFAULT_MIN_GROUP_SIZE);
  const minGroupSize = Number(sizeText);
  if (!Number.isInteger(minGroupSize) || minGroupSize < 1) {
    throw new AccessSettingsError(`COPGRAPH_MIN_GROUP_SIZE must be a whole number of at least 1, not '${sizeText}'`);
  }
  return { auth, minGroupSize };
}

/** 127.0.0.0/8, ::1 and localhost: only this machine can connect. */
export function isLoopback(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  return name === "localhost" || name === "::1" || /^127(\.\d{1,3}){3}$/.test(name) || name === "::ffff:127.0.0.1";
}

/**
 * Whether the server runs in local development mode (callers without a key act as admin): only
 * on loopback, and never when COPGRAPH_AUTH=on. Running open on a network address is refused.
 */
export function developmentMode(host: string, auth: AuthSetting): boolean {
  const loopback = isLoopback(host);
  if (auth === "off" && !loopback) {
    throw new AccessSettingsError(
      `COPGRAPH_AUTH=off would serve every caller as admin on ${host}; bind to 127.0.0.1 or require keys`,
    );
  }
  if (auth === "on") return false;
  return loopback;
}
