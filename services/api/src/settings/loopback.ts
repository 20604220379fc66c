import type { AuthSetting } from "./settings-schema.js";

/** 127.0.0.0/8, ::1 and localhost: only this machine can connect. */
export function isLoopback(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  return name === "localhost" || name === "::1" || /^127(\.\d{1,3}){3}$/.test(name) || name === "::ffff:127.0.0.1";
}

/** Why HOST and COPGRAPH_AUTH cannot go together, if they cannot: running open on a network address. */
export function openOnNetwork(host: string, auth: AuthSetting): string | undefined {
  if (auth !== "off" || isLoopback(host)) return undefined;
  return `COPGRAPH_AUTH=off would serve every caller as admin on ${host}; bind to 127.0.0.1 or require keys`;
}
