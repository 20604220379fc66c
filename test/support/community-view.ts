import type { Page } from "playwright-core";
import { countForegroundPixels, screenshot } from "./browser.js";
import type { BrowserSuite } from "./browser-suite.js";

// What the community view's browser tests share: the API as they call it, small communities to
// record, the view's test hook, and opening the view until it has settled.

export const DAY = 24 * 60 * 60 * 1000;

/** The suite server's API as the tests call it, and opening a view on it. */
export function viewHelpers(suite: BrowserSuite) {
  async function api<T>(path: string, init?: RequestInit): Promise<T> {
    const response = await fetch(`${suite.server.url}${path}`, init);
    if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  const post = (path: string, body: unknown) =>
    api(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  /** Appends events in batches of at most 10,000 (the API's limit). */
  async function importEvents(communityId: string, events: readonly unknown[]): Promise<void> {
    for (let start = 0; start < events.length; start += 10_000) {
      await post(`/v1/communities/${communityId}/events`, { events: events.slice(start, start + 10_000) });
    }
  }

  /** Opens the view and waits until its graph and readings are in and the layout has stopped. */
  async function openView(page: Page, errors: string[], hash: string, timeout = 20_000): Promise<void> {
    await page.goto(`${suite.server.url}/${hash}`);
    try {
      await page.waitForSelector(".cg-indicators[data-state=ready]", { timeout });
      await page.waitForSelector(".cg-sigma[data-layout=settled]", { state: "attached", timeout });
    } catch (error) {
      // Say why: a missing asset (web/dist rebuilt under the server) or a failed request shows here.
      throw new Error(`the view did not load: ${(error as Error).message}\npage errors: ${errors.join("\n")}`);
    }
  }

  return { api, post, importEvents, openView };
}

/** A small community: registered a month ago, four members, one advice m1 → m2 (or none). */
export function smallCommunity(communityId: string, withInteraction: boolean): unknown[] {
  const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString();
  const member = (memberId: string, sector: string, occupationalLayer: string) => ({
    type: "MemberJoined",
    data: { memberId, displayName: `Member ${memberId}`, sector, occupationalLayer, occurredAt: at(29) },
  });
  return [
    {
      type: "CommunityRegistered",
      data: { communityId, name: `Community ${communityId}`, concern: "Healthy lunches", occurredAt: at(30) },
    },
    member("m1", "education", "professional"),
    member("m2", "health", "director"),
    member("m3", "business", "student"),
    member("m4", "education", "management"),
    ...(withInteraction
      ? [
          {
            type: "InteractionRecorded",
            data: { interactionId: "i1", kind: "advice", from: "m1", to: ["m2"], occurredAt: at(10) },
          },
        ]
      : []),
  ];
}

// The API's answers, as far as these tests read them (the test package does not depend on the contract).
export interface GraphResponse {
  nodes: { id: string; attributes: Record<string, string> }[];
  ties: { source: string; target: string }[];
}
export interface IndicatorsResponse {
  indicators: Record<
    string,
    { value: number | null; baseline?: number | null; byGroup?: Record<string, number | null> }
  >;
}
/** The few DOM members the page callbacks use (the test tsconfig has no DOM library). */
export interface El {
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): Iterable<El>;
}

export interface TestView {
  renderer: {
    getNodeDisplayData(id: string): { color: string; highlighted: boolean } | undefined;
    getCamera(): { getState(): { x: number; y: number; ratio: number } };
  };
  graph: {
    order: number;
    size: number;
    hasEdge(key: string): boolean;
    forEachNode(callback: (id: string, data: { x: number; y: number }) => void): void;
  };
}
export type WithView = { copgraphView?: TestView };
export const hashParam = (page: Page, name: string) =>
  new URLSearchParams(new URL(page.url()).hash.split("?")[1]).get(name);

/** Foreground pixels of the graph canvas area only (the legend sits beside it, not over it). */
export async function graphPixels(page: Page, name: string): Promise<number> {
  return countForegroundPixels(await screenshot(page, name, ".cg-sigma"));
}
