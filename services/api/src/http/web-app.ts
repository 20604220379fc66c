import { existsSync } from "node:fs";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/** The built web app at `/` (web/dist); without a build, `/` leads to the API reference instead. */
export async function registerWebApp(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  if (webRoot && existsSync(`${webRoot}/index.html`)) {
    await app.register(fastifyStatic, { root: webRoot, prefix: "/", index: "index.html", wildcard: false });
    return;
  }
  app.get("/", { schema: { hide: true } }, (_request, reply) => reply.redirect("/docs"));
}
