import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { shippedDatasetFolder } from "@copgraph/interchange";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli-process.js";

// Each classic data set through the CLI (import → export NDJSON → replay), against networkx
// values computed from the raw files by oracles/datasets_oracles.py. The import reads the copy
// shipped in shared/interchange/datasets; --from names another folder.

type Oracle = Record<string, number>;
const oracles = JSON.parse(readFileSync(new URL("oracles/datasets-oracles.json", import.meta.url), "utf8")) as Record<
  string,
  Record<string, Oracle>
>;

const dir = mkdtempSync(join(tmpdir(), "copgraph-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sets = [
  { name: "krackhardt", attribute: "LEVEL" },
  { name: "lazega", attribute: "office" },
  { name: "karate", attribute: "faction" },
  { name: "florentine", attribute: "NumberPriorates" },
  { name: "mcfarland", attribute: undefined },
];

const close = (actual: unknown, expected: number) => {
  expect(actual).toBeTypeOf("number");
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9);
};

describe.each(sets)("copgraph import --dataset $name", ({ name, attribute }) => {
  it("imports, exports and replays to the networkx values", async () => {
    const dataDir = join(dir, name);
    const imported = await runCli(["import", "--dataset", name, "--community", name, "--data-dir", dataDir]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/imported \d+ events/);
    const logFile = join(dir, `${name}.ndjson`);
    const exported = await runCli([
      "export",
      "--community",
      name,
      "--format",
      "ndjson",
      "--out",
      logFile,
      "--data-dir",
      dataDir,
    ]);
    expect(exported.code, exported.stderr).toBe(0);
    for (const [layer, want] of Object.entries(oracles[name]!)) {
      const args = ["replay", logFile, "--layers", layer, ...(attribute ? ["--attribute", attribute] : [])];
      const replayed = await runCli(args);
      expect(replayed.code, replayed.stderr).toBe(0);
      const got = JSON.parse(replayed.stdout).indicators;
      expect(got["network.members"].value, layer).toBe(want.N);
      expect(got["network.ties"].value, layer).toBe(want.L);
      close(got["network.density"].value, want.density!);
      close(got["reciprocity.edge"].value, want.reciprocity_edge!);
      if (want.reciprocity_weighted !== undefined) close(got["reciprocity.weighted"].value, want.reciprocity_weighted);
      if (want.assortativity !== undefined) {
        close(got["silo.assortativity"].value, want.assortativity);
        close(got["silo.ei"].value, want.ei!);
        close(got["silo.ei_expected"].value, want.ei_expected!);
        close(got["silo.modularity"].value, want.modularity!);
      }
    }
  });
});

describe("copgraph import --dataset --from <folder>", () => {
  it("reads the data set's files from that folder instead of the shipped copy", async () => {
    const folder = join(dir, "karate-less-one-tie");
    cpSync(shippedDatasetFolder("karate"), folder, { recursive: true });
    const edges = readFileSync(join(folder, "zachary.txt"), "utf8").trimEnd().split("\n");
    writeFileSync(join(folder, "zachary.txt"), `${edges.slice(0, -1).join("\n")}\n`);
    const dryRun = ["--community", "k", "--dry-run", "--data-dir", join(dir, "from")];
    const shipped = await runCli(["import", "--dataset", "karate", ...dryRun]);
    expect(shipped.code, shipped.stderr).toBe(0);
    expect(shipped.stdout).toContain("113 events are valid"); // registration, 34 members, 78 ties
    const other = await runCli(["import", "--dataset", "karate", "--from", folder, ...dryRun]);
    expect(other.code, other.stderr).toBe(0);
    expect(other.stdout).toContain("112 events are valid");
    const missing = await runCli(["import", "--dataset", "karate", "--from", join(dir, "no-such-folder"), ...dryRun]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain("is not a folder; nothing was stored");
    expect(missing.stderr).not.toContain("    at ");
  });
});

describe("the CLI's contract with scripts", () => {
  it("prints help and exits 0; refuses unknown commands and bad flags with 2", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("replay");
    expect((await runCli(["import", "--help"])).stdout).toContain("--dry-run");
    expect((await runCli(["frobnicate"])).code).toBe(2);
    const bad = await runCli(["export", "--community", "x", "--format", "pdf", "--data-dir", join(dir, "none")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--format must be one of");
  });

  it("exits 3 with every bad line of a CSV file, storing nothing", async () => {
    const dataDir = join(dir, "csv");
    const file = join(dir, "members.csv");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(
      file,
      "memberId,displayName,sector,occupationalLayer,joinedAt\na,A,banking,student,2025-01-01\nb,B,health,king,2025-01-01\n",
    );
    const result = await runCli(["import", file, "--kind", "members", "--community", "c", "--data-dir", dataDir]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/line 2, sector/);
    expect(result.stderr).toMatch(/line 3, occupationalLayer/);
  });
});
