import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

// The community of the erasure tests: member m7 with a distinctive name, organisation, notes,
// topics, gathering text, a retraction reason and a reason for leaving, plus a request id and an
// Idempotency-Key of their own on a write about them. After m7's erasure none of these strings may
// be found in any response, export or byte under the data folder.

export const community = "privacy";
export const erasedId = "m7";
export const personal = {
  name: "Zebulon Quartermaine",
  newName: "Zeb Q. Quartermaine-Oyelaran",
  organisation: "Quartermaine Kilnworks",
  adviceNotes: "confided the glaze recipe of Zebulon",
  receivedNotes: "Zebulon asked about ash glazes",
  adviceTopic: "Zebulon's celadon formula",
  gatheringTitle: "Zebulon and the saggar firing",
  gatheringPlace: "Kiln shed behind Quartermaine house",
  gatheringNotes: "Zebulon brought the cones",
  gatheringTopic: "Quartermaine family kiln",
  retraction: "Zebulon was double-booked",
  leaving: "Zebulon moved to Lagos",
  requestId: "req-zebulon-quartermaine-1",
  idempotencyKey: "idem-zebulon-quartermaine-1",
  reasonAfterErasure: "Zebulon asked us to drop this",
};
export const secrets = Object.values(personal);
/** Personal data of members who stay: still shown after the erasure. */
export const kept = { name: "Winifred Ashdown", notes: "Winifred explained pit firing" };

export const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n, 9)).toISOString();

export interface Answer {
  readonly status: number;
  readonly body: string;
}
export type Send = (
  method: "POST" | "PATCH",
  path: string,
  payload: object,
  headers?: Record<string, string>,
) => Promise<Answer>;

/** Records the community through the API; every write must answer 2xx. */
export async function seedPrivacyCommunity(send: Send): Promise<void> {
  const post = async (path: string, payload: object, headers?: Record<string, string>) => {
    const answer = await send("POST", path, payload, headers);
    if (answer.status !== 201) throw new Error(`${path}: ${answer.status} ${answer.body.slice(0, 300)}`);
  };
  await post("/v1/communities", {
    communityId: community,
    name: "Potters of the valley",
    concern: "wood firing",
    occurredAt: day(0),
  });
  const sectors = ["education", "business", "research", "health"] as const;
  const layers = ["student", "professional", "management", "director"] as const;
  for (let i = 1; i <= 8; i++) {
    await post(
      `/v1/communities/${community}/members`,
      {
        memberId: `m${i}`,
        displayName: i === 7 ? personal.name : i === 1 ? kept.name : `Potter ${i}`,
        sector: sectors[i % 4],
        occupationalLayer: layers[(i * 3) % 4],
        ...(i === 7 ? { organisation: personal.organisation } : {}),
        occurredAt: day(i),
      },
      i === 7 ? { "x-request-id": personal.requestId, "idempotency-key": personal.idempotencyKey } : {},
    );
  }
  const renamed = await send("PATCH", `/v1/communities/${community}/members/${erasedId}`, {
    displayName: personal.newName,
    occurredAt: day(20),
  });
  if (renamed.status !== 201) throw new Error(`rename: ${renamed.status} ${renamed.body}`);
  // Ties in and out of the member, with notes and topics; a mutual one; ties among the others.
  const ties: [string, string[], string, string?, string?][] = [
    ["m7", ["m1", "m2"], "advice", personal.adviceNotes, personal.adviceTopic],
    ["m3", ["m7"], "mentoring"],
    ["m7", ["m4"], "collaboration"],
    ["m1", ["m2"], "knowledge-sharing", kept.notes],
    ["m2", ["m3", "m5"], "feedback"],
    ["m5", ["m6"], "advice"],
    ["m6", ["m1"], "introduction"],
    ["m8", ["m7"], "advice", personal.receivedNotes],
  ];
  for (const [index, [from, to, kind, notes, topic]] of ties.entries()) {
    await post(`/v1/communities/${community}/interactions`, {
      interactionId: `i${index + 1}`,
      from,
      to,
      kind,
      occurredAt: day(30 + index * 7),
      ...(notes ? { notes } : {}),
      ...(topic ? { topics: [topic] } : {}),
    });
  }
  // One gathering with free text the member led, one without they took part in.
  const gatherings = [
    {
      gatheringId: "g1",
      title: personal.gatheringTitle,
      place: personal.gatheringPlace,
      notes: personal.gatheringNotes,
      topics: [personal.gatheringTopic],
      format: "workshop",
      occurredAt: day(90),
      roles: { m7: "facilitator", m2: "learner", m3: "participant" },
    },
    {
      gatheringId: "g2",
      format: "meeting",
      occurredAt: day(100),
      roles: { m4: "host", m5: "participant", m7: "participant" },
    },
  ];
  for (const { roles, ...gathering } of gatherings) {
    const participants = Object.entries(roles).map(([memberId, role]) => ({ memberId, role }));
    await post(`/v1/communities/${community}/gatherings`, { ...gathering, participants });
  }
  await post(`/v1/communities/${community}/retractions`, {
    recordId: "i3",
    reason: personal.retraction,
    occurredAt: day(110),
  });
  await post(`/v1/communities/${community}/members/${erasedId}/leave`, {
    reason: personal.leaving,
    occurredAt: day(115),
  });
}

/** Erases m7, then tries to write a reason about a record they took part in: refused with 422. */
export async function eraseAndTryAReasonAfter(send: Send): Promise<void> {
  const erased = await send("POST", `/v1/communities/${community}/members/${erasedId}/erase`, { occurredAt: day(120) });
  if (erased.status !== 201) throw new Error(`erase: ${erased.status} ${erased.body}`);
  const reason = await send("POST", `/v1/communities/${community}/retractions`, {
    recordId: "i1",
    reason: personal.reasonAfterErasure,
    occurredAt: day(121),
  });
  if (reason.status !== 422 || !reason.body.includes("erased_party_free_text")) {
    throw new Error(`a reason about an erased member's record was not refused: ${reason.status} ${reason.body}`);
  }
}

/** Every file under a folder, WAL, SHM, lock and key store included. */
export function filesUnder(dir: string): { file: string; bytes: Buffer }[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((file) => join(dir, file))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ file: path.slice(dir.length + 1), bytes: readFileSync(path) }));
}

export const containing = (text: string | Buffer, list: readonly string[]) =>
  list.filter((secret) =>
    typeof text === "string" ? text.includes(secret) : text.includes(Buffer.from(secret, "utf8")),
  );
