import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli-process.js";

// `copgraph import log.ndjson`: a log in revision order is read once as a stream, appended in one
// store transaction; one out of order is read whole and sorted. Either way, all or nothing.

const dir = mkdtempSync(join(tmpdir(), "copgraph-cli-ndjson-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let lines: string[];

const exportLog = async (dataDir: string, community: string, out: string) => {
  const result = await runCli([
    "export",
    "--community",
    community,
    "--format",
    "ndjson",
    "--out",
    out,
    "--data-dir",
    dataDir,
  ]);
  return result;
};
const importLog = (file: string, dataDir: string, extra: string[] = []) =>
  runCli(["import", file, "--community", "karate", "--data-dir", dataDir, ...extra]);
const replay = async (file: string) =>
  JSON.parse((await runCli(["replay", file, "--attribute", "faction", "--at", "2001-01-01T00:00:00Z"])).stdout);
const write = (name: string, content: string[]) => {
  const file = join(dir, name);
  writeFileSync(file, `${content.join("\n")}\n`);
  return file;
};

beforeAll(async () => {
  const source = join(dir, "source");
  const imported = await runCli([
    ...["import", "--dataset", "karate"],
    ...["--community", "karate", "--data-dir", source],
  ]);
  expect(imported.code, imported.stderr).toBe(0);
  const file = join(dir, "karate.ndjson");
  expect((await exportLog(source, "karate", file)).code).toBe(0);
  lines = readFileSync(file, "utf8").trimEnd().split("\n");
}, 60_000);

describe("copgraph import <log.ndjson>", () => {
  it("imports a log in revision order, and its export replays to the same indicators", async () => {
    const file = write("ordered.ndjson", lines);
    const target = join(dir, "ordered");
    const result = await importLog(file, target);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`imported ${lines.length} events into 'karate'`);
    expect(result.stderr).toMatch(/importing .*1/s);
    expect(result.stderr).not.toContain("checking");
    const again = join(dir, "ordered-again.ndjson");
    expect((await exportLog(target, "karate", again)).code).toBe(0);
    expect((await replay(again)).indicators).toEqual((await replay(file)).indicators);
  });

  it("imports a shuffled log by reading it whole", async () => {
    const shuffled = [...lines.slice(0, 40)].reverse().concat(lines.slice(40));
    const result = await importLog(write("shuffled.ndjson", shuffled), join(dir, "shuffled"));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`imported ${lines.length} events`);
  });

  it("lists every bad line and stores nothing", async () => {
    const broken = [...lines];
    broken[9] = broken[9]!.replace(/"revision":\d+/, '"revision":"x"');
    broken[29] = "{not json";
    const target = join(dir, "broken");
    const result = await importLog(write("broken.ndjson", broken), target);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("line 10: revision must be an integer");
    expect(result.stderr).toContain("line 30: not JSON");
    expect(result.stderr).toContain("nothing was stored");
    expect((await exportLog(target, "karate", join(dir, "none.ndjson"))).code).not.toBe(0);
  });

  it("names the line of a broken rule and stores nothing", async () => {
    const interaction = lines.findIndex((line, i) => i > 50 && line.includes('"InteractionRecorded"'));
    const broken = [...lines];
    const record = JSON.parse(broken[interaction]!);
    record.data.from = "nobody";
    broken[interaction] = JSON.stringify(record);
    const target = join(dir, "rule");
    const result = await importLog(write("rule.ndjson", broken), target);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`line ${interaction + 1}:`);
    expect((await exportLog(target, "karate", join(dir, "none2.ndjson"))).code).not.toBe(0);
  });

  it("refuses an event id that appears twice, storing nothing", async () => {
    const broken = [...lines];
    const last = lines.length - 1;
    const firstId = JSON.parse(broken[5]!).id;
    broken[last] = broken[last]!.replace(/"id":"[^"]+"/, `"id":"${firstId}"`);
    const target = join(dir, "twice");
    const result = await importLog(write("twice.ndjson", broken), target);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`event id ${firstId} appears twice`);
    expect(result.stderr).toContain("nothing was stored");
    expect((await exportLog(target, "karate", join(dir, "none4.ndjson"))).code).not.toBe(0);
  });

  it("refuses a log that holds no events instead of importing 0", async () => {
    const target = join(dir, "empty");
    const zeroBytes = join(dir, "zero.ndjson");
    writeFileSync(zeroBytes, "");
    for (const file of [zeroBytes, write("blank.ndjson", ["", "  ", ""])]) {
      for (const extra of [[], ["--dry-run"]]) {
        const result = await importLog(file, target, extra);
        expect(result.code, result.stdout).toBe(3);
        expect(result.stderr).toContain(`${file} holds no events; nothing was stored`);
        expect(result.stdout).not.toContain("imported");
      }
    }
    expect((await exportLog(target, "karate", join(dir, "none5.ndjson"))).code).not.toBe(0);
  });

  it("checks without storing on --dry-run", async () => {
    const target = join(dir, "dry");
    const result = await importLog(write("dry.ndjson", lines), target, ["--dry-run"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`${lines.length} events are valid for 'karate'; nothing was stored (dry run)`);
    expect((await exportLog(target, "karate", join(dir, "none3.ndjson"))).code).not.toBe(0);
  });
});
