import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, seedCommunity, type TestApp } from "../testing/test-app.js";
import { NoticeStore } from "./notice-store.js";
import { isPrivateAddress } from "./webhook-address.js";
import { WebhookDeliverer } from "./webhook-deliverer.js";

describe("watches over the API", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
    await seedCommunity(t.app);
  });
  afterEach(() => t.close());

  const post = (payload: object, community = "town") =>
    t.app.inject({ method: "POST", url: `/v1/communities/${community}/watches`, payload });

  it("refuses webhooks that are not http(s) or point to loopback or private addresses, and unknown indicators, storing nothing", async () => {
    const before = await t.countEvents();
    for (const url of [
      "ftp://hooks.example/x",
      "not a url",
      "http://127.0.0.1:9/x",
      "http://[::1]/x",
      "http://10.1.2.3/x",
      "http://192.168.1.5/x",
      "http://localhost/x",
    ]) {
      const response = await post({ condition: { kind: "no-gathering", days: 60 }, webhook: { url } });
      expect(response.statusCode, url).toBe(400);
      expect(response.json(), url).toMatchObject({ code: "webhook_refused", errors: [{ pointer: "/webhook/url" }] });
    }
    const unknown = await post({ condition: { kind: "below-baseline", indicator: "silo.nothing" } });
    expect(unknown.json()).toMatchObject({ status: 400, code: "unknown_indicator" });
    expect((await post({ condition: { kind: "drops-by", indicator: "silo.ei", by: 0.1 } })).statusCode).toBe(400);
    expect((await post({ condition: { kind: "no-gathering", days: 60 } }, "nowhere")).statusCode).toBe(404);
    expect(await t.countEvents()).toBe(before);
    expect((await t.app.inject({ url: "/v1/communities/town/watches" })).json()).toEqual({ watches: [] });
  });

  it("sets, lists and removes a watch; the log keeps both as events of the watches stream", async () => {
    const created = await post({ condition: { kind: "no-gathering", days: 60 } });
    expect(created.statusCode).toBe(201);
    const { watch } = created.json();
    expect(created.json().webhookSecret).toBeUndefined();
    expect(watch).toMatchObject({
      condition: { kind: "no-gathering", days: 60 },
      setAt: "2026-06-01T12:00:00.000Z",
      webhook: null,
    });
    expect((await t.app.inject({ url: "/v1/communities/town/watches" })).json().watches).toEqual([watch]);
    const notices = (await t.app.inject({ url: "/v1/communities/town/notices" })).json();
    expect(notices).toMatchObject({ communityId: "town", step: "P7D", watching: 1 });
    for (const notice of notices.notices) expect(notice.link).toBe(`#/c/town?at=${notice.at}`);

    const removed = await t.app.inject({ method: "DELETE", url: `/v1/communities/town/watches/${watch.watchId}` });
    expect(removed.statusCode).toBe(204);
    expect((await t.app.inject({ url: "/v1/communities/town/watches" })).json().watches).toEqual([]);
    const again = await t.app.inject({ method: "DELETE", url: `/v1/communities/town/watches/${watch.watchId}` });
    expect(again.json()).toMatchObject({ status: 404, code: "watch_not_found" });

    const events = await t.store.readStream("watches-town");
    expect(events.map((event) => [event.type, event.metadata.schemaVersion])).toEqual([
      ["WatchSet", 1],
      ["WatchRemoved", 1],
    ]);
    // No community's history sees them.
    expect((await t.store.listStreams("community-")).map((stream) => stream.streamId)).toEqual(["community-town"]);
  });
});

describe("private addresses", () => {
  it("tells loopback, private, link-local and mapped addresses from public ones", () => {
    for (const address of [
      "127.0.0.1",
      "10.0.0.8",
      "172.20.1.1",
      "192.168.0.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
    ])
      expect(isPrivateAddress(address), address).toBe(true);
    for (const address of ["8.8.8.8", "1.1.1.1", "2606:4700::1111", "::ffff:8.8.8.8"])
      expect(isPrivateAddress(address), address).toBe(false);
  });
});

describe("the delivery queue", () => {
  let receiver: Server;
  let url: string;
  let requests = 0;
  beforeAll(async () => {
    receiver = createServer((request, response) => {
      requests++;
      request.resume();
      response.writeHead(503).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise((resolve) => receiver.close(resolve)));

  const queued = (store: NoticeStore) => {
    store.setWebhook({ watchId: "w1", communityId: "town", url, secret: "s".repeat(64) }, "2026-06-01T12:00:00Z");
    store.enqueue({ deliveryId: "d1", communityId: "town", watchId: "w1", noticeId: "n1", payload: "{}" }, Date.now());
  };
  const settle = async (store: NoticeStore) => {
    for (let i = 0; i < 200 && store.deliveriesOf("w1")[0]?.status === "pending"; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    return store.deliveriesOf("w1")[0];
  };

  it("gives up after the bounded number of tries, each in the log", async () => {
    requests = 0;
    const store = new NoticeStore();
    queued(store);
    const deliverer = new WebhookDeliverer(
      store,
      { allowPrivateAddresses: true, retryMs: 5, maxTries: 3 },
      () => new Date(),
    );
    deliverer.kick();
    const delivery = await settle(store);
    await deliverer.stop();
    expect(delivery).toMatchObject({ status: "failed", attempts: 3, lastStatus: 503, nextAttemptAt: null });
    expect(delivery?.tries.map((each) => each.status)).toEqual([503, 503, 503]);
    expect(requests).toBe(3);
    store.close();
  });

  it("does not reach a private address unless the setting allows it", async () => {
    requests = 0;
    const store = new NoticeStore();
    queued(store);
    const deliverer = new WebhookDeliverer(
      store,
      { allowPrivateAddresses: false, retryMs: 5, maxTries: 2 },
      () => new Date(),
    );
    deliverer.kick();
    const delivery = await settle(store);
    await deliverer.stop();
    expect(delivery).toMatchObject({ status: "failed", attempts: 2, lastStatus: null });
    expect(delivery?.lastError).toMatch(/private address/);
    expect(requests).toBe(0);
    store.close();
  });
});
