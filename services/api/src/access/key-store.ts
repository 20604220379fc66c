import { createHmac, randomBytes } from "node:crypto";
import type Database from "better-sqlite3";
import { openSideDatabase } from "../storage/side-database.js";
import { hashSecret, newKeyId, newSecret } from "./key-secret.js";
import type { Caller, Role } from "./roles.js";

/** An API key as listed: never its secret, which exists only in the answer that created or rotated it. */
export interface ApiKey {
  readonly keyId: string;
  readonly label: string;
  readonly role: Role;
  /** Empty for admins, who see every community. */
  readonly communities: readonly string[];
  readonly createdAt: string;
  readonly rotatedAt: string | null;
  readonly revokedAt: string | null;
}

export interface NewKey {
  readonly role: Role;
  readonly communities?: readonly string[];
  readonly label?: string;
}

/** A key with the secret to hand over once. */
export interface IssuedKey {
  readonly key: ApiKey;
  readonly secret: string;
}

export class UnknownKeyError extends Error {}

interface Row {
  key_id: string;
  label: string;
  role: Role;
  communities: string;
  created_at: string;
  rotated_at: string | null;
  revoked_at: string | null;
}

const schema = `
CREATE TABLE IF NOT EXISTS api_keys (
  key_id      TEXT PRIMARY KEY,
  label       TEXT NOT NULL,
  role        TEXT NOT NULL,
  communities TEXT NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  rotated_at  TEXT,
  revoked_at  TEXT
);
CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);`;

/**
 * API keys in their own SQLite file (access.sqlite), apart from the event log: grants change and
 * keys are revoked, which an immutable log should not hold, and the file can be guarded on its own.
 * Only a SHA-256 of each secret is stored.
 */
export class AccessKeyStore {
  readonly #db: Database.Database;
  readonly #pseudonymSecret: string;
  readonly #bySecret: Database.Statement<[string], Row>;
  readonly #clock: () => Date;

  constructor(path: string, clock: () => Date = () => new Date()) {
    this.#db = openSideDatabase(path, schema);
    this.#clock = clock;
    // The root of researchers' pseudonyms: random per installation, so pseudonyms cannot be recomputed elsewhere.
    this.#db
      .prepare("INSERT OR IGNORE INTO settings (name, value) VALUES ('pseudonym_secret', ?)")
      .run(randomBytes(32).toString("hex"));
    this.#pseudonymSecret = (
      this.#db.prepare("SELECT value FROM settings WHERE name = 'pseudonym_secret'").get() as { value: string }
    ).value;
    this.#bySecret = this.#db.prepare<[string], Row>(
      "SELECT * FROM api_keys WHERE secret_hash = ? AND revoked_at IS NULL",
    );
  }

  create({ role, communities = [], label = "" }: NewKey): IssuedKey {
    const secret = newSecret();
    const keyId = newKeyId();
    const granted = role === "admin" ? [] : [...new Set(communities)].sort();
    this.#db
      .prepare(
        "INSERT INTO api_keys (key_id, label, role, communities, secret_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      )
      .run(keyId, label, role, JSON.stringify(granted), hashSecret(secret), this.#now());
    return { key: this.get(keyId), secret };
  }

  /** A new secret for the same key id and grants; the old secret stops working at once. */
  rotate(keyId: string): IssuedKey {
    const secret = newSecret();
    const changed = this.#db
      .prepare("UPDATE api_keys SET secret_hash = ?, rotated_at = ? WHERE key_id = ? AND revoked_at IS NULL")
      .run(hashSecret(secret), this.#now(), keyId);
    if (changed.changes === 0) throw new UnknownKeyError(`no active key '${keyId}'`);
    return { key: this.get(keyId), secret };
  }

  revoke(keyId: string): ApiKey {
    const key = this.get(keyId);
    if (key.revokedAt === null) {
      this.#db.prepare("UPDATE api_keys SET revoked_at = ? WHERE key_id = ?").run(this.#now(), keyId);
    }
    return this.get(keyId);
  }

  get(keyId: string): ApiKey {
    const row = this.#db.prepare<[string], Row>("SELECT * FROM api_keys WHERE key_id = ?").get(keyId);
    if (!row) throw new UnknownKeyError(`no key '${keyId}'`);
    return toKey(row);
  }

  list(): ApiKey[] {
    return this.#db.prepare<[], Row>("SELECT * FROM api_keys ORDER BY created_at, key_id").all().map(toKey);
  }

  /** The caller a secret stands for; undefined when it is unknown, rotated away or revoked. */
  authenticate(secret: string): Caller | undefined {
    const row = this.#bySecret.get(hashSecret(secret));
    if (!row) return undefined;
    const key = toKey(row);
    return {
      keyId: key.keyId,
      role: key.role,
      communities: key.role === "admin" ? "all" : key.communities,
      ...(key.label ? { label: key.label } : {}),
      ...(key.role === "researcher" ? { pseudonymKey: this.#pseudonymKeyOf(key.keyId) } : {}),
    };
  }

  close(): void {
    this.#db.close();
  }

  #pseudonymKeyOf(keyId: string): string {
    return createHmac("sha256", this.#pseudonymSecret).update(`pseudonyms:${keyId}`).digest("hex");
  }

  #now(): string {
    return this.#clock().toISOString();
  }
}

function toKey(row: Row): ApiKey {
  return {
    keyId: row.key_id,
    label: row.label,
    role: row.role,
    communities: JSON.parse(row.communities) as string[],
    createdAt: row.created_at,
    rotatedAt: row.rotated_at,
    revokedAt: row.revoked_at,
  };
}

export const ACCESS_FILE = "access.sqlite";
