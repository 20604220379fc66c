// The contract every EventStore adapter must pass. It imports vitest: only tests import it.
import { afterEach, beforeEach, describe } from "vitest";
import { appendCases } from "./append.cases.js";
import { ContractContext, type ContractFactory, type ContractOptions } from "./harness.js";
import { idempotencyCases } from "./idempotency.cases.js";
import { readCases } from "./read.cases.js";
import { subscriptionCases } from "./subscription.cases.js";
import { volumeCases } from "./volume.cases.js";

export type { ContractFactory, ContractOptions, ContractSubject } from "./harness.js";

/** Registers the contract cases for one adapter. `factory` is called before each case, `cleanup` after it. */
export function describeEventStoreContract(
  name: string,
  factory: ContractFactory,
  options: ContractOptions = {},
): void {
  describe(`EventStore contract: ${name}`, () => {
    const ctx = new ContractContext(factory);
    beforeEach(() => ctx.setup());
    afterEach(() => ctx.teardown());
    describe("appending and expected revisions", () => appendCases(ctx));
    describe("reading", () => readCases(ctx));
    describe("idempotency", () => idempotencyCases(ctx, options));
    describe("volume and concurrency", () => volumeCases(ctx));
    describe("subscriptions", () => subscriptionCases(ctx));
  });
}
