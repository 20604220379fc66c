import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ACCESS_FILE, AccessKeyStore, type ApiKey, UnknownKeyError } from "../access/key-store.js";
import { isRole, roles } from "../access/roles.js";
import { preparePrivateDataDir, tightenDataFiles } from "../data-dir/private-files.js";
import { exitCodes, InputError, UsageError } from "./usage-error.js";

export const keysHelp = `copgraph keys <create|list|revoke|rotate> [options]

API keys of the server in the data folder (its access.sqlite). A secret is printed once, when the
key is created or rotated; only its hash is kept.

  copgraph keys create --role <role> [--community a,b] [--label text]
      roles: ${roles.join(", ")}. admin sees every community; the others need --community:
        facilitator  reads and records its communities, with names
        researcher   reads events, graph, indicators and exports under pseudonyms
        agency       community-level indicators, timeline and comparison only
  copgraph keys list [--json]
      every key with its role, communities and dates (never a secret)
  copgraph keys revoke <key-id>
      the key stops working at once
  copgraph keys rotate <key-id>
      a new secret for the same key and grants; the old secret stops working at once

  --data-dir <dir>  folder of the server's data (env COPGRAPH_DATA_DIR, default ./data)

Exit codes: 0 done, 1 failed, 2 bad usage, 3 unknown key.`;

const subcommands = ["create", "list", "revoke", "rotate"] as const;

export async function keys(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: "string" },
      community: { type: "string", multiple: true },
      label: { type: "string" },
      json: { type: "boolean" },
      "data-dir": { type: "string" },
    },
  });
  const [subcommand, keyId, ...extra] = positionals;
  if (!subcommands.includes(subcommand as (typeof subcommands)[number])) {
    throw new UsageError(subcommand ? `unknown keys command '${subcommand}'` : "name a keys command");
  }
  if (extra.length > 0) throw new UsageError(`unexpected '${extra.join(" ")}'`);
  const dataDir = resolve(values["data-dir"] ?? process.env.COPGRAPH_DATA_DIR ?? "data");
  // Keys never hold the folder: they work beside a running server, which reads them at each request.
  preparePrivateDataDir(dataDir);
  const store = new AccessKeyStore(join(dataDir, ACCESS_FILE));
  tightenDataFiles(dataDir);
  try {
    if (subcommand === "create") {
      if (keyId !== undefined) throw new UsageError(`unexpected '${keyId}'`);
      const role = values.role;
      if (role === undefined || !isRole(role)) {
        throw new UsageError(`--role must be one of ${roles.join(", ")}${role ? `, not '${role}'` : ""}`);
      }
      const communities = (values.community ?? []).flatMap((list) =>
        list
          .split(",")
          .map((id) => id.trim())
          .filter(Boolean),
      );
      if (role === "admin" && communities.length > 0)
        throw new UsageError("an admin key sees every community: leave out --community");
      if (role !== "admin" && communities.length === 0) throw new UsageError(`a ${role} key needs --community <id,…>`);
      const { key, secret } = store.create({ role, communities, label: values.label ?? "" });
      printIssued("created", key, secret);
      return exitCodes.ok;
    }
    if (subcommand === "list") {
      const all = store.list();
      if (values.json) console.log(JSON.stringify(all, null, 2));
      else if (all.length === 0) console.log("no keys yet: copgraph keys create --role admin");
      else for (const key of all) console.log(describe(key));
      return exitCodes.ok;
    }
    if (keyId === undefined) throw new UsageError(`keys ${subcommand} needs a key id (see copgraph keys list)`);
    if (subcommand === "revoke") {
      const key = store.revoke(keyId);
      console.log(`revoked ${describe(key)}`);
      return exitCodes.ok;
    }
    const { key, secret } = store.rotate(keyId);
    printIssued("rotated", key, secret);
    return exitCodes.ok;
  } catch (error) {
    if (error instanceof UnknownKeyError) throw new InputError(error.message);
    throw error;
  } finally {
    store.close();
  }
}

function describe(key: ApiKey): string {
  const scope = key.role === "admin" ? "all communities" : key.communities.join(",");
  const state = key.revokedAt ? `revoked ${key.revokedAt}` : `active since ${key.rotatedAt ?? key.createdAt}`;
  return `${key.keyId}  ${key.role.padEnd(11)} ${scope}  ${state}${key.label ? `  "${key.label}"` : ""}`;
}

function printIssued(what: string, key: ApiKey, secret: string): void {
  console.log(`${what} ${describe(key)}`);
  console.log("secret (shown once, keep it safe; send it as 'Authorization: Bearer <secret>'):");
  console.log(secret);
}
