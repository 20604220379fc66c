import { lookup as lookupCallback } from "node:dns";
import { lookup } from "node:dns/promises";
import { BlockList, isIP, type LookupFunction } from "node:net";

/** Loopback, private, link-local, shared, multicast and reserved ranges: nowhere a chat service lives. */
const notPublic = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  notPublic.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  notPublic.addSubnet(network, prefix, "ipv6");

const MAPPED_IPV4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

/** Whether an address is loopback or in a private (or otherwise non-public) range. */
export function isPrivateAddress(address: string): boolean {
  const mapped = MAPPED_IPV4.exec(address)?.[1];
  if (mapped) return notPublic.check(mapped, "ipv4");
  const family = isIP(address);
  if (family === 0) return true;
  return notPublic.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** Why a webhook URL is refused, or undefined when it may be used. Resolves the host's name to check where it points. */
export async function webhookUrlProblem(text: string, allowPrivate: boolean): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "is not a URL";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "must start with http:// or https://";
  if (allowPrivate) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    return `its host '${host}' cannot be resolved`;
  }
  if (addresses.some(isPrivateAddress))
    return "points to a loopback or private address, which webhooks may not reach (COPGRAPH_WEBHOOK_PRIVATE_ADDRESSES)";
  return undefined;
}

/**
 * A DNS lookup for a delivery's connection that refuses non-public addresses: the name is checked
 * where the connection is made, so it cannot point elsewhere between a check and the request.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  lookupCallback(hostname, { ...options, all: true }, (error, entries) => {
    if (error) return callback(error, "", 4);
    const list = entries as unknown as { address: string; family: number }[];
    const refused = list.find((entry) => isPrivateAddress(entry.address));
    if (refused) {
      return callback(
        Object.assign(new Error(`${hostname} points to a private address (${refused.address})`), { code: "EPRIVATE" }),
        "",
        4,
      );
    }
    if ((options as { all?: boolean }).all)
      return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
    const first = list[0]!;
    callback(null, first.address, first.family);
  });
};
