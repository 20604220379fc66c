import { existsSync } from "node:fs";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { declarePublic } from "../access/declare-public.js";

/** The built web app at `/` (web/dist); without a build, `/` leads to the API reference instead. */
export async function registerWebApp(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  if (webRoot && existsSync(`${webRoot}/index.html`)) {
    await app.register(async (files) => {
      declarePublic(files, "the web app's files hold no data; it signs in to call the API");
      await files.register(fastifyStatic, { root: webRoot, prefix: "/", index: "index.html", wildcard: false });
    });
    return;
  }
  app.get(
    "/",
    { schema: { hide: true }, config: { access: { public: "leads to the API reference" } } },
    (_request, reply) => reply.redirect("/docs"),
  );
}
