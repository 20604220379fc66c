// `Expect: 100-continue` asks the server whether to send the body at all. A body declared larger
// than the route's limit gets its 413 at once, never a `100 Continue` that makes the client send
// megabytes only to be refused. Seen on a real listening server through a raw socket, so the
// bytes sent back before the body are exactly what a client would read.
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, seedCommunity, type TestApp } from "../testing/test-app.js";

const MiB = 1024 * 1024;
let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await buildTestApp();
  await seedCommunity(t.app);
  await t.app.listen({ host: "127.0.0.1", port: 0 });
  port = (t.app.server.address() as { port: number }).port;
});
afterAll(() => t.close());

/** Opens a connection and sends a request's head only: the body waits for the server's word. */
function sendHead(method: string, path: string, contentLength: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port }, () => {
      socket.write(
        `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${contentLength}\r\nExpect: 100-continue\r\n\r\n`,
      );
      resolve(socket);
    });
    socket.once("error", reject);
  });
}

/** Everything the server sends until it closes the connection or `quietMs` pass without a byte. */
function readAnswer(socket: Socket, until: (received: string) => boolean, quietMs = 1000): Promise<string> {
  return new Promise((resolve) => {
    let received = "";
    let timer: NodeJS.Timeout;
    const finish = () => {
      clearTimeout(timer);
      socket.removeAllListeners("data");
      resolve(received);
    };
    const wait = () => {
      clearTimeout(timer);
      timer = setTimeout(finish, quietMs);
    };
    socket.on("data", (chunk) => {
      received += chunk.toString("latin1");
      if (until(received)) finish();
      else wait();
    });
    socket.once("close", finish);
    wait();
  });
}

const headEnds = (text: string) => text.includes("\r\n\r\n");

describe("Expect: 100-continue", () => {
  it.each([
    ["a single write", "/v1/communities/town/interactions", 20 * MiB, "1 MiB"],
    ["the batch import", "/v1/communities/town/events", 40 * MiB, "32 MiB"],
  ])("answers %s declared over its limit with 413 at once, without 100 Continue", async (_name, path, size, limit) => {
    const socket = await sendHead("POST", path, size);
    const answer = await readAnswer(socket, (received) => /\r\n\r\n\{.*\}$/s.test(received));
    socket.destroy();
    const statusLines = answer.split("\r\n").filter((line) => line.startsWith("HTTP/1.1"));
    expect(statusLines, "status lines received before any body byte was sent").toEqual([
      "HTTP/1.1 413 Payload Too Large",
    ]);
    expect(answer).not.toContain("100 Continue");
    expect(answer.toLowerCase()).toContain("content-type: application/problem+json; charset=utf-8");
    const problem = JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4));
    expect(problem).toMatchObject({ status: 413, code: "body_too_large" });
    expect(problem.detail).toContain(limit);
  });

  it("tells a client within the limit to continue, then stores what it sends", async () => {
    const body = JSON.stringify({
      interactionId: "continued",
      kind: "advice",
      from: "ana",
      to: ["ben"],
      occurredAt: "2025-03-01T09:00:00Z",
    });
    const socket = await sendHead("POST", "/v1/communities/town/interactions", Buffer.byteLength(body));
    const interim = await readAnswer(socket, headEnds);
    expect(interim).toBe("HTTP/1.1 100 Continue\r\n\r\n");
    socket.write(body);
    const answer = await readAnswer(socket, (received) => /\r\n\r\n\{.*\}$/s.test(received));
    socket.destroy();
    expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 201 Created");
  });

  it("lets the batch import take more than a single write's limit", async () => {
    const socket = await sendHead("POST", "/v1/communities/town/events", 2 * MiB);
    const interim = await readAnswer(socket, headEnds);
    socket.destroy();
    expect(interim).toBe("HTTP/1.1 100 Continue\r\n\r\n");
  });
});
