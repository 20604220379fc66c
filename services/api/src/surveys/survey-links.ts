import { createHash, randomBytes } from "node:crypto";
import type Database from "better-sqlite3";
import { openSideDatabase } from "../storage/side-database.js";

/** Beside the log in the data folder: the hashes of survey link tokens (0600 like the other secrets). */
export const SURVEYS_FILE = "surveys.sqlite";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS survey_links (
  token_hash   TEXT PRIMARY KEY,
  community_id TEXT NOT NULL,
  round_id     TEXT NOT NULL,
  member_id    TEXT NOT NULL,
  issued_at    TEXT NOT NULL,
  UNIQUE (community_id, round_id, member_id)
);
`;

/** 256 random bits, base64url: far beyond guessing, short enough for a link. */
export const newLinkToken = () => randomBytes(32).toString("base64url");

/** Only this is stored: a leaked file gives no working link. SHA-256 suffices for 256 random bits. */
export const hashOfToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** Whose link a token is. */
export interface SurveyLink {
  readonly communityId: string;
  readonly roundId: string;
  readonly memberId: string;
}

/**
 * Each rostered member's one valid link per round, by the hash of its token. Issuing a member a
 * new token replaces the old one, which then finds nothing, like a token never issued.
 */
export class SurveyLinkStore {
  readonly #db: Database.Database;

  constructor(file = ":memory:") {
    this.#db = openSideDatabase(file, SCHEMA);
  }

  /** New tokens for these members of the round (each replacing the member's old one), returned in the clear once. */
  issue(communityId: string, roundId: string, memberIds: readonly string[], issuedAt: string): Map<string, string> {
    const tokens = new Map<string, string>();
    const replace = this.#db.prepare(
      "INSERT OR REPLACE INTO survey_links (token_hash, community_id, round_id, member_id, issued_at) VALUES (?, ?, ?, ?, ?)",
    );
    this.#db.transaction(() => {
      for (const memberId of memberIds) {
        const token = newLinkToken();
        replace.run(hashOfToken(token), communityId, roundId, memberId, issuedAt);
        tokens.set(memberId, token);
      }
    })();
    return tokens;
  }

  /** The link a token opens, if it is the current one of its member. */
  find(token: string): SurveyLink | undefined {
    const row = this.#db
      .prepare("SELECT community_id, round_id, member_id FROM survey_links WHERE token_hash = ?")
      .get(hashOfToken(token)) as { community_id: string; round_id: string; member_id: string } | undefined;
    return row && { communityId: row.community_id, roundId: row.round_id, memberId: row.member_id };
  }

  /** Whether the member holds a link in the round. */
  has(communityId: string, roundId: string, memberId: string): boolean {
    return (
      this.#db
        .prepare("SELECT 1 FROM survey_links WHERE community_id = ? AND round_id = ? AND member_id = ?")
        .get(communityId, roundId, memberId) !== undefined
    );
  }

  /** A closed round's links open nothing any more: their hashes go. */
  revokeRound(communityId: string, roundId: string): void {
    this.#db.prepare("DELETE FROM survey_links WHERE community_id = ? AND round_id = ?").run(communityId, roundId);
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }
}
