import { request } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type ServerProcess, startServerProcess } from "../support/server-process.js";
import { suiteDataDir } from "../support/suite-data-dir.js";

// A real `copgraph serve` with its demo communities, a larger community, two analytics threads
// and a small time budget. A heavy request (a hundred weekly dates of every indicator of the
// larger community: minutes of work) gets 503 once its budget is spent, while requests sent
// after it are answered before it: proved by the order of the answers, not by their times.

const BUDGET_MS = 3_000;
const dataDir = suiteDataDir("heavy");
let server: ServerProcess;

beforeAll(async () => {
  server = await startServerProcess(dataDir, {
    COPGRAPH_ANALYTICS_BUDGET_MS: String(BUDGET_MS),
    COPGRAPH_ANALYTICS_THREADS: "2",
  });
  const events = largerCommunity(600, 30_000);
  // A batch holds at most 10,000 events.
  for (let i = 0; i < events.length; i += 10_000) {
    const recorded = await fetch(`${server.url}/v1/communities/larger/events`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ events: events.slice(i, i + 10_000) }),
    });
    expect(recorded.status, await recorded.text()).toBe(201);
  }
}, 120_000);
afterAll(async () => {
  await server?.kill();
});

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A GET whose `sent` resolves once the request is written out, and `answer` once it is answered. */
function get(path: string): { sent: Promise<void>; answer: Promise<Answer> } {
  let sent!: () => void;
  const written = new Promise<void>((resolve) => (sent = resolve));
  const answer = new Promise<Answer>((resolve, reject) => {
    const outgoing = request(`${server.url}${path}`, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    outgoing.on("error", reject);
    outgoing.on("finish", sent);
    outgoing.end();
  });
  return { sent: written, answer };
}

const DAY_MS = 86_400_000;
const twoYearsAgo = () => new Date(Date.now() - 700 * DAY_MS).toISOString();
const heavyTimeline = () => `/v1/communities/larger/indicators/timeline?from=${twoYearsAgo()}&step=P1W`;

/** `members` in four sectors who joined two years ago, and `interactions` among them since, spread evenly. */
function largerCommunity(members: number, interactions: number) {
  const sectors = ["education", "business", "health", "public-authority"];
  const start = Date.now() - 730 * DAY_MS;
  const at = (ms: number) => new Date(ms).toISOString();
  return [
    {
      type: "CommunityRegistered",
      data: { communityId: "larger", name: "Larger", concern: "load", occurredAt: at(start) },
    },
    ...Array.from({ length: members }, (_, i) => ({
      type: "MemberJoined",
      data: {
        memberId: `m${i}`,
        displayName: `Member ${i}`,
        sector: sectors[i % sectors.length],
        occupationalLayer: i % 3 === 0 ? "student" : "professional",
        occurredAt: at(start + DAY_MS),
      },
    })),
    ...Array.from({ length: interactions }, (_, k) => {
      const from = (k * 7) % members;
      return {
        type: "InteractionRecorded",
        data: {
          interactionId: `i${k}`,
          kind: "advice",
          from: `m${from}`,
          to: [`m${(from + 1 + ((k * 13) % (members - 1))) % members}`],
          occurredAt: at(start + 2 * DAY_MS + Math.floor((k * 720 * DAY_MS) / interactions)),
        },
      };
    }),
  ];
}
const lightCompare = "/v1/compare?communities=activeageing&indicators=network.ties,network.density";

it("answers a heavy request past its budget with 503 and Retry-After, after the lighter requests sent behind it", async () => {
  // The threads are up and seeded before the race begins.
  expect((await get(lightCompare).answer).status).toBe(200);

  const finished: string[] = [];
  const track = (name: string, { sent, answer }: ReturnType<typeof get>) => ({
    sent,
    answer: answer.then((result) => {
      finished.push(name);
      return result;
    }),
  });
  const heavy = track("heavy", get(heavyTimeline()));
  await heavy.sent;
  const health = track("healthz", get("/healthz"));
  await health.sent;
  const light = track("light indicators", get(lightCompare.replace("activeageing", "healthyschools")));
  await light.sent;
  const summary = track("community summary", get("/v1/communities/makerlearning"));

  const [heavyAnswer, healthAnswer, lightAnswer, summaryAnswer] = await Promise.all(
    [heavy, health, light, summary].map(({ answer }) => answer),
  );
  expect(finished.at(-1)).toBe("heavy");
  expect([healthAnswer!.status, lightAnswer!.status, summaryAnswer!.status]).toEqual([200, 200, 200]);
  expect(heavyAnswer!.status).toBe(503);
  expect(heavyAnswer!.headers["content-type"]).toBe("application/problem+json; charset=utf-8");
  expect(heavyAnswer!.headers["retry-after"]).toBe(String(BUDGET_MS / 1000));
  expect(JSON.parse(heavyAnswer!.body)).toMatchObject({
    status: 503,
    code: "analytics_budget_exceeded",
    detail: expect.stringContaining(`${BUDGET_MS} ms`),
  });
}, 120_000);

it("answers /healthz while a heavy report runs", async () => {
  const heavy = get(heavyTimeline());
  await heavy.sent;
  let heavyAnswered = false;
  const heavyAnswer = heavy.answer.then((answer) => {
    heavyAnswered = true;
    return answer;
  });
  const health = await get("/healthz").answer;
  expect(health.status).toBe(200);
  expect(heavyAnswered).toBe(false);
  expect((await heavyAnswer).status).toBe(503);
}, 120_000);
