// GET /v1/communities/{id}/members, by role: names and organisations for admins and facilitators
// (none once erased), pseudonyms and no names for researchers, nothing for agencies; who has left.
import type { MemberList } from "@copgraph/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { A, type AccessTestApp, buildAccessTestApp, personal } from "../testing/access-app.js";

const url = `/v1/communities/${A}/members`;

describe("the member list, by role", () => {
  let t: AccessTestApp;
  const list = async (who: keyof AccessTestApp["headers"]) => {
    const response = await t.app.inject({ url, headers: t.headers[who] });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    return { body: response.body, list: response.json() as MemberList };
  };
  const post = async (path: string, payload: object) => {
    const response = await t.app.inject({ method: "POST", url: path, payload, headers: t.headers.admin });
    expect(response.statusCode, response.body).toBe(201);
  };

  beforeAll(async () => {
    t = await buildAccessTestApp();
    await post(`/v1/communities/${A}/members/leaver-admin/leave`, { occurredAt: "2025-03-01T09:00:00Z" });
    await post(`/v1/communities/${A}/members/m-farid/erase`, {});
  });
  afterAll(async () => t?.close());

  for (const who of ["admin", "facilitatorA"] as const) {
    it(`${who}: every member with name, organisation, profile and status`, async () => {
      const { list: answer } = await list(who);
      expect(answer.communityId).toBe(A);
      const byId = new Map(answer.members.map((member) => [member.id, member]));
      expect(byId.get("m-amira")).toEqual({
        id: "m-amira",
        displayName: "Amira Solberg",
        organisation: "Northfield School",
        attributes: { sector: "education", occupationalLayer: "professional" },
        status: "active",
        joinedAt: "2025-01-02T09:00:00.000Z",
      });
      expect(byId.get("m-bruno")).toMatchObject({
        displayName: "Bruno Castellanos",
        organisation: "Castellanos Bakery",
      });
      expect(byId.get("m-chiara")?.displayName).toBe("Chiara Lindqvist");
      expect(byId.get("m-chiara")).not.toHaveProperty("organisation");
      expect(byId.get("leaver-admin")).toMatchObject({ status: "left", leftAt: "2025-03-01T09:00:00.000Z" });
      // Erased: still a member of the history, with no name.
      expect(byId.get("m-farid")).toEqual({
        id: "m-farid",
        attributes: { sector: "business", occupationalLayer: "professional" },
        status: "erased",
        joinedAt: "2025-01-02T09:00:00.000Z",
      });
      const ids = answer.members.map((member) => member.id);
      expect(ids).toEqual([...ids].sort());
    });
  }

  it("researcher: pseudonyms in the order of the pseudonyms, no name, organisation or member id", async () => {
    const { body, list: answer } = await list("researcherA");
    for (const text of [...personal.names, ...personal.organisations, ...personal.memberIds]) {
      expect(body).not.toContain(text);
    }
    const ids = answer.members.map((member) => member.id);
    expect(ids.length).toBe(personal.memberIds.length + 2);
    for (const id of ids) expect(id).toMatch(/^p_[0-9a-f]{16}$/);
    expect(ids).toEqual([...ids].sort());
    for (const member of answer.members) {
      expect(member).not.toHaveProperty("displayName");
      expect(member).not.toHaveProperty("organisation");
    }
    // The same pseudonyms as the researcher's graph.
    const graph = await t.app.inject({ url: `/v1/communities/${A}/graph`, headers: t.headers.researcherA });
    for (const node of graph.json().nodes as { id: string }[]) expect(ids).toContain(node.id);
  });

  it("a list of names is recorded in the audit log like a member view", async () => {
    await list("facilitatorA");
    const audit = await t.app.inject({ url: "/v1/audit", headers: t.headers.admin });
    const [latest] = audit.json().entries as { action: string; route: string; role: string; communityId: string }[];
    expect(latest).toMatchObject({ action: "read", route: "/v1/communities/:id/members", role: "facilitator" });
    expect(latest?.communityId).toBe(A);
  });

  it("agencies, other communities' facilitators and callers without a key get no list", async () => {
    const status = async (who: keyof AccessTestApp["headers"]) =>
      (await t.app.inject({ url, headers: t.headers[who] })).statusCode;
    expect(await status("agencyA")).toBe(403);
    expect(await status("facilitatorB")).toBe(403);
    expect(await status("anonymous")).toBe(401);
    expect((await t.app.inject({ url: "/v1/communities/nowhere/members", headers: t.headers.admin })).statusCode).toBe(
      404,
    );
  });
});
