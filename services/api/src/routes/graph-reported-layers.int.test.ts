// Reported layers in the graph: the ties of the survey round in effect at `at` (the last whose
// answers had ended), as known at `knownAt`. The round of survey-readings-app: open 2026-06-01 to
// 06-30, answers on 06-02, eva withdraws on 06-05. Reported advice that counts:
//   ana→ben, ana→cem, ben→ana, cem→ana, cem→ben (and eva→ana until her withdrawal)
// Recorded advice (before the round): ana↔ben, cem↔dan, ana↔cem.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReadingsApp, C, type ReadingsApp, seedRound } from "../testing/survey-readings-app.js";

interface Tie {
  source: string;
  target: string;
  weight: number;
  layers: Record<string, number>;
}

let t: ReadingsApp;
beforeAll(async () => {
  t = await buildReadingsApp();
  await seedRound(t);
  t.setNow("2026-07-10T12:00:00.000Z");
});
afterAll(() => t?.close());

const graph = async (query: string, who: keyof ReadingsApp["headers"] = "facilitator") => {
  const response = await t.app.inject({ url: `/v1/communities/${C}/graph?${query}`, headers: t.headers[who] });
  return { status: response.statusCode, body: response.json() };
};
const arcs = (ties: Tie[]) => ties.map((tie) => `${tie.source}→${tie.target}`).sort();

describe("reported layers in the graph", () => {
  it("draws nothing before the round's close date and says no round had ended", async () => {
    const { status, body } = await graph("layers=reported-advice&at=2026-06-29T23:59:59Z");
    expect(status).toBe(200);
    expect(body.reported.round).toBeNull();
    expect(body.reported.statement).toBe(
      "No survey round of this community had ended by 2026-06-29: no reported ties are drawn.",
    );
    expect(body.ties).toEqual([]);
    expect(body.nodes).toHaveLength(5);
  });

  it("draws the round's reported ties from its close date on, with the response rate", async () => {
    const { body } = await graph("layers=reported-advice&at=2026-06-30T00:00:00Z");
    expect(arcs(body.ties)).toEqual(["ana→ben", "ana→cem", "ben→ana", "cem→ana", "cem→ben"]);
    for (const tie of body.ties) expect(tie).toMatchObject({ weight: 1, layers: { "reported-advice": 1 } });
    expect(body.reported.round).toMatchObject({
      roundId: "spring",
      title: "Spring 2026",
      endedAt: "2026-06-30T00:00:00Z",
      asked: 5,
      answered: 4,
      responseRate: 0.8,
    });
    expect(body.reported.tiesDrawn).toBe(5);
    expect(body.reported.statement).toMatch(/ended 2026-06-30: 4 of 5 members asked answered \(80 %\)/);
    expect(body.query.layers).toEqual(["reported-advice"]);
  });

  it("puts reported and recorded layers of one pair on one tie", async () => {
    const { body } = await graph("layers=advice,reported-advice,reported-knowledge");
    const byArc = new Map<string, Tie>(body.ties.map((tie: Tie) => [`${tie.source}→${tie.target}`, tie]));
    const anaBen = byArc.get("ana→ben")!;
    expect(anaBen.layers).toEqual({ advice: anaBen.layers.advice, "reported-advice": 1 });
    expect(anaBen.weight).toBe(anaBen.layers.advice! + 1);
    expect(byArc.get("cem→dan")?.layers).not.toHaveProperty("reported-advice");
    expect(byArc.get("ben→dan")).toMatchObject({ weight: 1, layers: { "reported-knowledge": 1 } });
    expect(body.query.layers).toEqual(["advice", "reported-advice", "reported-knowledge"]);
  });

  it("under the backbone, marks reported ties of recorded pairs the backbone left out with their recorded layers", async () => {
    const all = await graph("layers=advice,reported-advice");
    const kept = await graph("layers=advice,reported-advice&backbone=0.01");
    expect(kept.body.backbone.keptTies).toBeLessThan(kept.body.backbone.allTies);
    const byArc = (ties: Tie[]) => new Map(ties.map((tie) => [`${tie.source}→${tie.target}`, tie]));
    const full = byArc(all.body.ties);
    for (const tie of kept.body.ties as Tie[])
      if (tie.layers["reported-advice"] === 1) expect(tie).toEqual(full.get(`${tie.source}→${tie.target}`));
  });

  it("counts a withdrawn answer as known before the withdrawal, not after", async () => {
    const before = await graph("layers=reported-advice&knownAt=2026-06-04T00:00:00Z");
    expect(arcs(before.body.ties)).toContain("eva→ana");
    expect(before.body.reported.round).toMatchObject({ answered: 5, asked: 5 });
    const after = await graph("layers=reported-advice");
    expect(arcs(after.body.ties)).not.toContain("eva→ana");
  });

  it("takes an earlier closing as the date the round appears", async () => {
    t.setNow("2026-06-20T12:00:00.000Z");
    const closed = await t.app.inject({
      method: "POST",
      url: `/v1/communities/${C}/surveys/spring/close`,
      headers: t.headers.facilitator,
    });
    expect(closed.statusCode).toBeLessThan(300);
    t.setNow("2026-07-10T12:00:00.000Z");
    const at = (iso: string) => graph(`layers=reported-advice&at=${iso}`).then(({ body }) => body.reported.round);
    expect(await at("2026-06-20T12:00:00Z")).toMatchObject({ endedAt: "2026-06-20T12:00:00.000Z" });
    expect(await at("2026-06-20T11:59:59Z")).toBeNull();
    // As known before the closing was recorded, the round still ends at its close date.
    const known = await graph("layers=reported-advice&at=2026-06-25T00:00:00Z&knownAt=2026-06-20T11:00:00Z");
    expect(known.body.reported.round).toBeNull();
  });

  it("shows researchers pseudonyms and no title", async () => {
    const { status, body } = await graph("layers=reported-advice", "researcher");
    expect(status).toBe(200);
    expect(body.reported.round).not.toHaveProperty("title");
    expect(body.reported.round.answered).toBe(4);
    const ids = body.nodes.map((node: { id: string }) => node.id);
    for (const id of ["ana", "ben", "cem", "dan", "eva"]) expect(ids).not.toContain(id);
    expect(body.ties).toHaveLength(5);
  });

  it("refuses reported layers in a download and names the layers a read takes", async () => {
    const download = await graph("layers=reported-advice&format=gexf");
    expect(download.status).toBe(400);
    expect(download.body.detail).toMatch(/reported layers \(reported-advice\) are drawn in the JSON graph/);
    const unknown = await graph("layers=gossip");
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toMatch(/reported-advice, reported-knowledge, reported-collaboration/);
    const indicators = await t.app.inject({
      url: `/v1/communities/${C}/indicators?layers=reported-advice`,
      headers: t.headers.facilitator,
    });
    expect(indicators.statusCode).toBe(400);
    expect(indicators.body).toMatch(/reported-advice is a layer reported in a survey round/);
  });
});
