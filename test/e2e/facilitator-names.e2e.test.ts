import { join } from "node:path";
import { AccessKeyStore } from "@copgraph/api";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { screenshot } from "../support/browser.js";
import { browserSuite } from "../support/browser-suite.js";
import { viewHelpers } from "../support/community-view.js";

// Names where a facilitator looks (issue 16, finding 1), on a server that requires keys: admins
// and facilitators see members' names on the graph's labels, in the search (by name, id or
// organisation), in the member panel and in the record forms' pickers, which leave out members
// who have left; a researcher sees pseudonyms and no name anywhere on the page.

const DEMO = "healthyschools";
const keys = { admin: "", facilitator: "", researcher: "" };

const suite = browserSuite("facilitator-names", {
  env: { COPGRAPH_AUTH: "on" },
  prepare: (dataDir) => {
    const store = new AccessKeyStore(join(dataDir, "access.sqlite"));
    keys.admin = store.create({ role: "admin", label: "e2e admin" }).secret;
    keys.facilitator = store.create({ role: "facilitator", communities: [DEMO], label: "e2e facilitator" }).secret;
    keys.researcher = store.create({ role: "researcher", communities: [DEMO], label: "e2e researcher" }).secret;
    store.close();
  },
});
const { openView } = viewHelpers(suite);

// The API's answers, as much of them as the test reads (the test package does not depend on the contract).
interface LoggedEvent {
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}
interface EventPage {
  events: LoggedEvent[];
  next: number | null;
}
interface GraphResponse {
  nodes: { id: string }[];
}
/** The view's graph, as far as these tests read it (the test tsconfig has no DOM library). */
type WithGraph = {
  copgraphView?: { graph: { forEachNode(callback: (id: string, data: { label: string }) => void): void } };
};

async function apiAs<T>(key: string, path: string): Promise<T> {
  const response = await fetch(`${suite.server.url}${path}`, { headers: { authorization: `Bearer ${key}` } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Who the demo's members are, read from its event log as an admin (who sees the names joined back). */
interface Person {
  id: string;
  name: string;
  organisation?: string;
  left: boolean;
  erased: boolean;
}
let people: Map<string, Person>;
/** A current member in today's graph with a name used once and an organisation. */
let someone: Person;
/** A member who has left (and was not erased). */
let leaver: Person;

async function demoPeople(): Promise<Map<string, Person>> {
  const found = new Map<string, Person>();
  for (let from: number | null = 0; from !== null; ) {
    const page: EventPage = await apiAs(keys.admin, `/v1/communities/${DEMO}/events?from=${from}&limit=10000`);
    for (const { type, data } of page.events) {
      const id = data.memberId as string;
      if (type === "MemberJoined") {
        found.set(id, {
          id,
          name: data.displayName as string,
          ...(typeof data.organisation === "string" && { organisation: data.organisation }),
          left: false,
          erased: false,
        });
      }
      const person = found.get(id);
      if (!person) continue;
      if (type === "MemberProfileChanged") {
        if (typeof data.displayName === "string") person.name = data.displayName;
        if (typeof data.organisation === "string") person.organisation = data.organisation;
        if (data.organisation === null) delete person.organisation;
      }
      if (type === "MemberLeft") person.left = true;
      if (type === "MemberErased") person.erased = true;
    }
    from = page.next;
  }
  return found;
}

/** Signs in; the page's errors count from then on (the app asks /v1/me before, and gets a 401). */
async function signIn(page: Page, errors: string[], key: string): Promise<void> {
  await page.goto(`${suite.server.url}/#/sign-in`);
  await page.fill("#api-key", key);
  await page.click("form.sign-in button[type=submit]");
  await page.locator(".ov-card").first().waitFor({ timeout: 20_000 });
  errors.length = 0;
}

/** Every node's label in the open view, by member id (as the caller sees ids), once the names are in. */
const labels = async (page: Page) => {
  await page.locator(".cg-graph-card[data-names=ready]").waitFor();
  return page.evaluate(() => {
    const shown: Record<string, string> = {};
    (globalThis as unknown as WithGraph).copgraphView?.graph.forEachNode((id, data) => {
      shown[id] = data.label;
    });
    return shown;
  });
};

const panel = (page: Page, memberId: string) => page.locator(`[data-member-panel][data-member-id="${memberId}"]`);

beforeAll(async () => {
  people = await demoPeople();
  const inGraph = new Set(
    (await apiAs<GraphResponse>(keys.admin, `/v1/communities/${DEMO}/graph`)).nodes.map((n) => n.id),
  );
  const nameCount = new Map<string, number>();
  for (const person of people.values()) nameCount.set(person.name, (nameCount.get(person.name) ?? 0) + 1);
  const current = [...people.values()].filter(
    (p) => !p.left && !p.erased && inGraph.has(p.id) && p.organisation && nameCount.get(p.name) === 1,
  );
  someone = current[0]!;
  leaver = [...people.values()].find((p) => p.left && !p.erased)!;
  expect(someone, "a current member with an organisation").toBeDefined();
  expect(leaver, "a member who left").toBeDefined();
}, 60_000);

describe("names for those who may see them", () => {
  for (const role of ["admin", "facilitator"] as const) {
    it(`${role}: the graph's labels are the members' names`, async () => {
      const { page, errors } = await suite.browser.newPage();
      await signIn(page, errors, keys[role]);
      await openView(page, errors, `#/c/${DEMO}`);
      const shown = await labels(page);
      expect(Object.keys(shown).length).toBeGreaterThan(10);
      for (const [id, label] of Object.entries(shown)) {
        const person = people.get(id);
        expect(label, id).toBe(person && !person.erased ? person.name : id);
      }
      expect(shown[someone.id]).toBe(someone.name);
      expect(errors).toEqual([]);
      await page.close();
    }, 60_000);
  }

  it("facilitator: the search finds a member by name, by id and by organisation; the panel shows words", async () => {
    const { page, errors } = await suite.browser.newPage();
    await signIn(page, errors, keys.facilitator);
    await openView(page, errors, `#/c/${DEMO}`);
    await page.locator(".cg-graph-card[data-names=ready]").waitFor();
    const search = page.locator("#cg-search");
    const message = page.locator(".cg-search-message");

    // By name: the member opens.
    await search.fill(someone.name);
    await search.press("Enter");
    await panel(page, someone.id).locator(".cg-attributes").waitFor();
    expect(await message.textContent()).toBe("");
    expect(await page.locator("#cg-member-title").textContent()).toContain(someone.name);

    // The member panel names each attribute in words, never by its key.
    const terms = await panel(page, someone.id).locator(".cg-attributes dt").allTextContents();
    expect(terms).toContain("Name");
    expect(terms).toContain("Organisation");
    expect(terms).toContain("Sector");
    expect(terms).toContain("Region");
    for (const term of terms) expect(term, "an attribute's key on screen").not.toMatch(/^[a-z]|[a-z][A-Z]/);
    const values = await panel(page, someone.id).locator(".cg-attributes dd").allTextContents();
    expect(values).toContain(someone.name);
    expect(values).toContain(someone.organisation);
    await screenshot(page, "names-member-panel");

    // By id, as before.
    await page.getByRole("button", { name: "Close" }).click();
    await search.fill(someone.id);
    await search.press("Enter");
    await panel(page, someone.id).locator(".cg-attributes").waitFor();

    // By organisation: the member is among the matches (or opens at once when the only one).
    await page.getByRole("button", { name: "Close" }).click();
    await search.fill(someone.organisation!.toLowerCase());
    await search.press("Enter");
    const match = page.locator(`.cg-search-matches [data-member-id="${someone.id}"]`);
    await Promise.race([match.waitFor(), panel(page, someone.id).locator(".cg-attributes").waitFor()]);
    if (await match.isVisible()) {
      expect(await match.textContent()).toContain(someone.name);
      await screenshot(page, "names-search-organisation");
      await match.click();
    }
    await panel(page, someone.id).locator(".cg-attributes").waitFor();

    // Nobody by that name: said plainly.
    await search.fill("Nobody Byname");
    await search.press("Enter");
    await page.locator(".cg-search-message", { hasText: "Nobody Byname" }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it("facilitator: the record forms' pickers name the members and leave out those who left", async () => {
    const { page, errors } = await suite.browser.newPage();
    await signIn(page, errors, keys.facilitator);
    await page.goto(`${suite.server.url}/#/c/${DEMO}/record?form=interaction`);
    await page.getByText(/\d+ members to search/).waitFor({ timeout: 20_000 });
    const option = page.locator(`#rec-members option[value="${someone.id}"]`);
    expect(await option.getAttribute("label")).toContain(someone.name);
    expect(await page.locator(`#rec-members option[value="${leaver.id}"]`).count()).toBe(0);
    const offered = await page
      .locator("#rec-members option")
      .evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
    for (const id of offered) expect(people.get(id)?.left, `${id} has left`).toBe(false);

    // The hint names the member chosen; a name typed whole becomes the member's id.
    const form = page.locator("#rec-panel-interaction");
    const from = form.getByLabel("From (who gave)", { exact: true });
    await from.fill(someone.id);
    expect(await form.locator(".rec-hint", { hasText: someone.name }).count()).toBe(1);
    await from.fill(someone.name);
    await from.blur();
    expect(await from.inputValue()).toBe(someone.id);

    // A member who left, typed by id anyway: the refusal gives a date a person reads.
    await from.fill(leaver.id);
    await form.getByLabel("Recipient 1", { exact: true }).fill(someone.id);
    await form.getByRole("button", { name: "Log the interaction" }).click();
    const refusal = form.locator(".rec-error:not([hidden])").first();
    await refusal.waitFor();
    const text = (await refusal.textContent()) ?? "";
    expect(text).toMatch(/left on \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    await screenshot(page, "names-picker-left");
    expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
    await page.close();
  }, 60_000);
});

describe("pseudonyms for a researcher", () => {
  it("labels, the search and the member panel show pseudonyms, and no name is on the page", async () => {
    const { page, errors } = await suite.browser.newPage();
    await signIn(page, errors, keys.researcher);
    await openView(page, errors, `#/c/${DEMO}`);
    const shown = await labels(page);
    expect(Object.keys(shown).length).toBeGreaterThan(10);
    for (const [id, label] of Object.entries(shown)) {
      expect(id).toMatch(/^p_[0-9a-f]{16}$/);
      expect(label).toBe(id);
    }
    const pseudonym = Object.keys(shown)[0]!;
    await page.locator("#cg-search").fill(pseudonym);
    await page.locator("#cg-search").press("Enter");
    await panel(page, pseudonym).locator(".cg-attributes").waitFor();
    expect(await page.locator("#cg-member-title").textContent()).toContain(pseudonym);
    const html = await page.content();
    for (const person of people.values()) expect(html).not.toContain(person.name);
    // A name finds no one: the researcher's view has none.
    await page.locator("#cg-search").fill(someone.name);
    await page.locator("#cg-search").press("Enter");
    await page.locator(".cg-search-message", { hasText: someone.name }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
