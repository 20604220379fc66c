import http from "node:http";

export interface HttpResponse {
  readonly status: number;
  readonly body: string;
}

/** One keep-alive connection's worth of agent for the sequential clients (seeding, batch benchmark). */
export const keepAliveAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** POSTs a body (a Buffer, pre-encoded, or a value to JSON-encode) on loopback and reads the whole answer. */
export function post(baseUrl: string, path: string, body: Buffer | unknown, timeoutMs = 60_000): Promise<HttpResponse> {
  const payload = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: "POST",
        agent: keepAliveAgent,
        headers: { "content-type": "application/json", "content-length": payload.length },
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`POST ${path} timed out after ${timeoutMs} ms`)));
    request.on("error", reject);
    request.end(payload);
  });
}

/** POSTs and fails unless the answer is 2xx. */
export async function postOk(baseUrl: string, path: string, body: unknown): Promise<HttpResponse> {
  const response = await post(baseUrl, path, body);
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`POST ${path} answered ${response.status}: ${response.body.slice(0, 500)}`);
  }
  return response;
}

/** GETs a JSON document on loopback. */
export function getJson<T>(baseUrl: string, path: string, timeoutMs = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(path, baseUrl), { agent: keepAliveAgent, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        if (response.statusCode !== 200) reject(new Error(`GET ${path} answered ${response.statusCode}: ${body}`));
        else resolve(JSON.parse(body) as T);
      });
      response.on("error", reject);
    });
    request.on("timeout", () => request.destroy(new Error(`GET ${path} timed out after ${timeoutMs} ms`)));
    request.on("error", reject);
  });
}
