import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PersonalValuesConflictError, PersonalVault, VAULT_FILE } from "./personal-vault.js";

let dir: string;
let vault: PersonalVault;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "copgraph-vault-"));
  vault = PersonalVault.inDataDir(dir);
});
afterEach(() => {
  vault.close();
  rmSync(dir, { recursive: true, force: true });
});

const ada = { kind: "member", id: "ada" } as const;
const i1 = { kind: "record", id: "i1" } as const;

describe("PersonalVault", () => {
  it("gives back the values of the events asked for, per community", async () => {
    await vault.put("town", [
      { eventId: "e1", subject: ada, values: { displayName: "Ada Byron", organisation: "Engines" } },
      { eventId: "e2", subject: i1, values: { notes: "looms" } },
    ]);
    await vault.put("city", [{ eventId: "e1", subject: ada, values: { displayName: "Another Ada" } }]);
    expect(vault.valuesOf("town", ["e1", "e2", "e3"])).toEqual(
      new Map([
        ["e1", { displayName: "Ada Byron", organisation: "Engines" }],
        ["e2", { notes: "looms" }],
      ]),
    );
    expect(vault.valuesOf("city", ["e1"]).get("e1")).toEqual({ displayName: "Another Ada" });
  });

  it("keeps the latest value of each field about a subject, a cleared one as null", async () => {
    await vault.put("town", [{ eventId: "e1", subject: ada, values: { displayName: "Ada Byron", organisation: "X" } }]);
    await vault.put("town", [
      { eventId: "e5", subject: ada, values: { displayName: "Ada Lovelace", organisation: null } },
    ]);
    expect(vault.latestOf("town", ada)).toEqual({ displayName: "Ada Lovelace", organisation: null });
  });

  it("resolves puts in call order, the empty ones too, so appends keep their order", async () => {
    const resolved: number[] = [];
    await Promise.all([
      vault.put("town", [{ eventId: "e1", subject: ada, values: { displayName: "A" } }]).then(() => resolved.push(1)),
      vault.put("town", []).then(() => resolved.push(2)),
      vault.put("town", [{ eventId: "e2", subject: i1, values: { notes: "n" } }]).then(() => resolved.push(3)),
    ]);
    expect(resolved).toEqual([1, 2, 3]);
  });

  it("keeps what it stored across a reopen (stored before it resolves)", async () => {
    await vault.put("town", [{ eventId: "e1", subject: ada, values: { displayName: "Ada Byron" } }]);
    vault.close();
    vault = PersonalVault.inDataDir(dir);
    expect(vault.latestOf("town", ada)).toEqual({ displayName: "Ada Byron" });
  });

  it("forgets subjects so that their bytes leave the database file and its WAL", async () => {
    await vault.put("town", [
      { eventId: "e1", subject: ada, values: { displayName: "Augusta Ada Byron" } },
      { eventId: "e2", subject: i1, values: { notes: "secret loom notes" } },
      { eventId: "e3", subject: { kind: "member", id: "bob" }, values: { displayName: "Bob Babbage" } },
    ]);
    expect(vault.forget("town", [ada, i1])).toBe(2);
    expect(vault.valuesOf("town", ["e1", "e2", "e3"])).toEqual(new Map([["e3", { displayName: "Bob Babbage" }]]));
    const bytes = Buffer.concat(
      [VAULT_FILE, `${VAULT_FILE}-wal`].flatMap((file) => {
        try {
          return [readFileSync(join(dir, file))];
        } catch {
          return [];
        }
      }),
    );
    expect(bytes.includes("Augusta Ada Byron")).toBe(false);
    expect(bytes.includes("secret loom notes")).toBe(false);
  });

  it("forgets only the subject of the kind asked: a record may share a member's id", async () => {
    await vault.put("town", [
      { eventId: "e1", subject: ada, values: { displayName: "Ada" } },
      { eventId: "e2", subject: { kind: "record", id: "ada" }, values: { notes: "a record named ada" } },
    ]);
    vault.forget("town", [ada]);
    expect([...vault.valuesOf("town", ["e1", "e2"]).keys()]).toEqual(["e2"]);
  });

  it("forgets fields under a kind of subject, whoever they were filed under, and every value of given events", async () => {
    const ana = { kind: "respondent", id: "ana" } as const;
    const ben = { kind: "respondent", id: "ben" } as const;
    await vault.put("town", [
      { eventId: "a1", subject: ana, values: { "rating:cem": '{"at":0}', "rating:ben": '{"at":1}', items: "[]" } },
      { eventId: "b1", subject: ben, values: { "rating:cem": '{"at":0}' } },
      { eventId: "m1", subject: { kind: "member", id: "x" }, values: { "rating:cem": "not a rating" } },
    ]);
    await vault.put("city", [{ eventId: "c1", subject: ana, values: { "rating:cem": '{"at":0}' } }]);
    expect(vault.forgetFields("town", "respondent", ["rating:cem"])).toBe(2);
    expect(vault.valuesOf("town", ["a1", "b1", "m1"])).toEqual(
      new Map([
        ["a1", { "rating:ben": '{"at":1}', items: "[]" }],
        ["m1", { "rating:cem": "not a rating" }],
      ]),
    );
    expect(vault.forgetEvents("town", ["a1", "nothing"])).toBe(2);
    expect([...vault.valuesOf("town", ["a1", "b1", "m1"]).keys()]).toEqual(["m1"]);
    expect(vault.valuesOf("city", ["c1"]).get("c1")).toEqual({ "rating:cem": '{"at":0}' });
  });

  it("never rewrites an event's values: other values for a filed event id refuse the whole call", async () => {
    await vault.put("town", [{ eventId: "e1", subject: ada, values: { displayName: "Ada" } }]);
    const reused = vault.put("town", [
      { eventId: "e2", subject: i1, values: { notes: "filed with the clash" } },
      { eventId: "e1", subject: { kind: "member", id: "eve" }, values: { displayName: "Ada" } },
    ]);
    await expect(reused).rejects.toBeInstanceOf(PersonalValuesConflictError);
    expect(vault.valuesOf("town", ["e1", "e2"])).toEqual(new Map([["e1", { displayName: "Ada" }]]));
    expect(vault.latestOf("town", { kind: "member", id: "eve" })).toEqual({});
  });

  it("files nothing again for a retry with the same values, and says which events it filed", async () => {
    expect(await vault.put("town", [{ eventId: "e1", subject: ada, values: { displayName: "Ada" } }])).toEqual(["e1"]);
    const retry = await vault.put("town", [
      { eventId: "e1", subject: ada, values: { displayName: "Ada" } },
      { eventId: "e2", subject: i1, values: { notes: "n" } },
    ]);
    expect(retry).toEqual(["e2"]);
  });

  it("keeps filed values unsettled until settled, and discards only unsettled ones", async () => {
    await vault.put("town", [{ eventId: "e1", subject: ada, values: { displayName: "Ada" } }]);
    vault.settle("town", ["e1"]);
    await vault.put("town", [{ eventId: "e2", subject: i1, values: { notes: "refused" } }]);
    expect(vault.unsettled()).toEqual(new Map([["town", ["e2"]]]));
    vault.discard("town", ["e1", "e2"]);
    expect(vault.valuesOf("town", ["e1", "e2"])).toEqual(new Map([["e1", { displayName: "Ada" }]]));
    expect(vault.unsettled()).toEqual(new Map());
  });
});
