import { AnalyticsBudgetExceeded, AnalyticsBusy } from "@copgraph/community";
import Fastify from "fastify";
import { expect, it } from "vitest";
import { installErrorHandler } from "./error-handler.js";

// The core stops a request's indicators past its time budget; the API answers 503 and says when to retry.
it.each([
  ["analytics_budget_exceeded", new AnalyticsBudgetExceeded(2_500, 3)],
  ["analytics_busy", new AnalyticsBusy(2_500, 3)],
])("answers %s with 503 problem+json and Retry-After", async (code, error) => {
  const app = Fastify();
  installErrorHandler(app);
  app.get("/throws", async () => {
    throw error;
  });
  const response = await app.inject("/throws");
  expect(response.statusCode).toBe(503);
  expect(response.headers["content-type"]).toBe("application/problem+json; charset=utf-8");
  expect(response.headers["retry-after"]).toBe("3");
  expect(response.json()).toMatchObject({ status: 503, code, detail: error.message });
  expect(error.message).toContain("2500 ms");
  await app.close();
});
