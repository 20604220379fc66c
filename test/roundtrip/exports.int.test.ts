import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { importNdjson } from "@copgraph/interchange";
import { simulateCommunity } from "@copgraph/simulator";
import { DirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../services/api/src/testing/test-app.js";

// Data out and back in, through the real API on real SQLite logs.

const simulation = simulateCommunity({
  communityId: "roundtrip",
  seed: 7,
  start: Date.parse("2025-01-01T00:00:00Z"),
  end: Date.parse("2026-05-01T00:00:00Z"),
  initialMembers: 30,
  attributes: { office: { north: 2, south: 1 } },
  retractionRate: 0.05,
});
const query = "at=2026-05-15T00:00:00Z&knownAt=2026-06-01T12:00:00Z";

let source: TestApp;
beforeAll(async () => {
  source = await buildTestApp();
  const imported = await source.app.inject({
    method: "POST",
    url: "/v1/communities/roundtrip/events",
    payload: { events: simulation.events },
  });
  expect(imported.statusCode, imported.body.slice(0, 300)).toBe(201);
});
afterAll(() => source.close());

const download = async (app: TestApp["app"], path: string) => {
  const response = await app.inject(path);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  return response.body;
};

describe("round trips", () => {
  it("NDJSON export then import into an empty log gives byte-identical indicator JSON", async () => {
    const log = await download(source.app, "/v1/communities/roundtrip/export?format=ndjson");
    const parsed = importNdjson(log);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const target = await buildTestApp();
    try {
      const events = parsed.events.map(({ id, type, data }) => ({ id, type, data }));
      const imported = await target.app.inject({
        method: "POST",
        url: "/v1/communities/roundtrip/events",
        payload: { events },
      });
      expect(imported.statusCode, imported.body.slice(0, 300)).toBe(201);
      const path = `/v1/communities/roundtrip/indicators?${query}&attribute=office`;
      expect(await download(target.app, path)).toBe(await download(source.app, path));
      // The names and free text came back into the new log's vault: its export is the same file.
      const exportPath = "/v1/communities/roundtrip/export?format=ndjson";
      const names = (text: string) => importNdjson(text).ok && (importNdjson(text) as { events: unknown[] }).events;
      expect(names(await download(target.app, exportPath))).toEqual(names(log));
    } finally {
      await target.close();
    }
  });

  it("GEXF and GraphML parse back with the same nodes, ties, weights and attributes", async () => {
    const graph = JSON.parse(await download(source.app, `/v1/communities/roundtrip/graph?${query}`));
    const gexf = parseGexf(
      DirectedGraph,
      await download(source.app, `/v1/communities/roundtrip/graph?${query}&format=gexf`),
    );
    const graphml = parseGraphml(
      DirectedGraph,
      await download(source.app, `/v1/communities/roundtrip/graph?${query}&format=graphml`),
    );
    for (const parsed of [gexf, graphml]) {
      expect(parsed.order).toBe(graph.nodes.length);
      expect(parsed.size).toBe(graph.ties.length);
      for (const node of graph.nodes) {
        for (const [key, value] of Object.entries(node.attributes))
          expect(String(parsed.getNodeAttribute(node.id, key))).toBe(value);
      }
      for (const tie of graph.ties) {
        expect(parsed.hasEdge(tie.source, tie.target)).toBe(true);
        expect(Number(parsed.getEdgeAttribute(parsed.edge(tie.source, tie.target), "weight"))).toBeCloseTo(
          tie.weight,
          12,
        );
      }
    }
  });

  it("the event log file holds no name or free text after a batch import: they are in the vault", () => {
    const personal = secretsOf(simulation.events).filter((secret) => !secret.startsWith('"'));
    const file = (name: string) =>
      Buffer.concat(
        ["", "-wal"].flatMap((suffix) => {
          const path = join(source.dataDir, `${name}${suffix}`);
          return existsSync(path) ? [readFileSync(path)] : [];
        }),
      );
    const log = file("events.sqlite");
    const vault = file("personal.sqlite");
    expect(personal.filter((secret) => log.includes(secret))).toEqual([]);
    expect(personal.filter((secret) => !vault.includes(secret))).toEqual([]);
  });

  it("the research export holds no member name and no free text", async () => {
    const research = await download(
      source.app,
      "/v1/communities/roundtrip/export?format=research&key=a-research-key-of-some-length",
    );
    const secrets = secretsOf(simulation.events);
    expect(secrets.length).toBeGreaterThan(30);
    for (const secret of secrets) expect(research.includes(secret), secret).toBe(false);
    const short = await source.app.inject("/v1/communities/roundtrip/export?format=research&key=short");
    expect(short.statusCode).toBe(400);
  });
});

/** Every name and free text of the events, and every member id (quoted, as JSON holds it). */
function secretsOf(events: readonly { data: unknown }[]): string[] {
  const secrets = new Set<string>();
  for (const event of events) {
    const data = event.data as Record<string, unknown>;
    for (const field of ["displayName", "notes", "reason", "title", "place", "description", "organisation"]) {
      if (typeof data[field] === "string") secrets.add(data[field] as string);
    }
    if (typeof data.memberId === "string") secrets.add(`"${data.memberId}"`);
  }
  return [...secrets];
}
