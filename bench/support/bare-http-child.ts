// The floor of the (b) load on this machine: node:http answering every request at once, with a body
// of the usual size, and no Fastify or copgraph. Forked by server-process.ts as "bare-http".
import http from "node:http";
import type { AddressInfo } from "node:net";
import { requireParent, serveParent } from "./child-ipc.js";

requireParent("bare-http-child");
let revision = 0;
const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    if (request.method === "POST") JSON.parse(Buffer.concat(chunks).toString("utf8"));
    revision++;
    const body = JSON.stringify({ communityId: "bare", revision, position: revision, events: [], interactions: 0 });
    response.writeHead(request.method === "POST" ? 201 : 200, {
      "content-type": "application/json; charset=utf-8",
      "content-length": Buffer.byteLength(body),
    });
    response.end(body);
  });
});
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  serveParent(`http://127.0.0.1:${port}`, {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
});
