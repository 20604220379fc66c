import type { FastifyInstance } from "fastify";

/**
 * Declares every route a plugin registers in this context as public, with the reason: for plugins
 * whose routes we do not write ourselves (the API reference, the web app's files).
 */
export function declarePublic(app: FastifyInstance, reason: string): void {
  app.addHook("onRoute", (route) => {
    route.config = { ...route.config, access: route.config?.access ?? { public: reason } };
  });
}
