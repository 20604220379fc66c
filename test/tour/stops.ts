import type { Page } from "playwright-core";

// Every page of the web app and its main states, as a person would reach them, against a server
// holding the demo communities. The screenshot script and the accessibility test walk the same list.

export interface Stop {
  /** File-name safe: it names the screenshot. */
  readonly name: string;
  /** Where to go: a path on the server, with the app's hash route. */
  readonly path: string;
  /** Viewport width (a phone's is 390 px); the default desktop is 1280. */
  readonly width?: number;
  /** Waits until the state is on screen, then does what reaches it (clicks, typing). */
  readonly reach: (page: Page) => Promise<void>;
}

const DEMO = "healthyschools";
const TIMEOUT = 30_000;

const visible = (page: Page, selector: string) => page.locator(selector).first().waitFor({ timeout: TIMEOUT });

/** Nothing on the page says it is still loading. */
const loaded = (page: Page, text: RegExp) =>
  page.getByText(text).first().waitFor({ state: "detached", timeout: TIMEOUT });

/** The overview's cards have their readings. */
async function overviewReady(page: Page): Promise<void> {
  await visible(page, ".ov-card");
  await loaded(page, /^Loading readings/);
}

/** The community view has its graph, readings and trends in and its layout has stopped. */
async function viewReady(page: Page): Promise<void> {
  await page.waitForSelector(".cg-indicators[data-state=ready]", { timeout: TIMEOUT });
  await page.waitForSelector(".cg-sigma[data-layout=settled]", { state: "attached", timeout: TIMEOUT });
  await loaded(page, /^Loading the trends/);
}

/**
 * The stops; `member` is a member of the demo community shown in its panel, `past` a date a year
 * back, `survey` the hash route of a respondent's link to a round opened on it.
 */
export function tourStops(member: string, past: string, survey?: string): Stop[] {
  const view = `/#/c/${DEMO}`;
  return [
    { name: "overview", path: "/#/", reach: overviewReady },
    { name: "community", path: view, reach: viewReady },
    { name: "community-silos", path: `${view}?silos=1`, reach: viewReady },
    { name: "community-past", path: `${view}?at=${encodeURIComponent(past)}`, reach: viewReady },
    {
      name: "community-member",
      path: `${view}?member=${encodeURIComponent(member)}`,
      reach: async (page) => {
        await viewReady(page);
        await visible(page, "#cg-member-title");
      },
    },
    {
      name: "community-downloads",
      path: view,
      reach: async (page) => {
        await viewReady(page);
        await page.locator(".cg-downloads summary").click();
      },
    },
    {
      name: "community-reported-layers",
      path: `${view}?reported=reported-advice`,
      reach: async (page) => {
        await viewReady(page);
        await visible(page, ".cg-reported-note");
        await page.locator(".cg-layers summary").click();
      },
    },
    { name: "record", path: `/#/c/${DEMO}/record`, reach: (page) => visible(page, "form") },
    {
      name: "compare",
      path: "/#/compare?ids=healthyschools,makerlearning,activeageing",
      reach: (page) => visible(page, "table"),
    },
    { name: "sign-in", path: "/#/sign-in", reach: (page) => visible(page, "main") },
    { name: "not-found", path: "/#/nowhere", reach: (page) => visible(page, "main") },
    { name: "phone-overview", path: "/#/", width: 390, reach: overviewReady },
    { name: "phone-community", path: view, width: 390, reach: viewReady },
    {
      name: "community-survey-round",
      path: view,
      reach: async (page) => {
        await viewReady(page);
        await page.locator(".cg-survey-list li[data-round] button").first().click();
        await visible(page, ".cg-survey-tracking");
      },
    },
    ...(survey
      ? [
          {
            name: "phone-survey",
            path: `/${survey}`,
            width: 390,
            reach: (page: Page) => visible(page, "article.sv-page[data-state=ready]"),
          },
        ]
      : []),
    {
      name: "phone-survey-dead-link",
      path: "/#/survey/no-such-link",
      width: 390,
      reach: (page) => visible(page, ".sv-dead"),
    },
  ];
}

/** Opens a stop in `page` (sized to its width) and reaches its state. */
export async function visit(page: Page, baseUrl: string, stop: Stop): Promise<void> {
  await page.setViewportSize({ width: stop.width ?? 1280, height: 800 });
  await page.goto(`${baseUrl}${stop.path}`);
  await stop.reach(page);
}

/**
 * A member of the demo community and a date a year back, from the API, and a survey round opened
 * on it (the server is the tour's own, on a temporary data folder) with one respondent's link.
 */
export async function tourSubjects(baseUrl: string): Promise<{ member: string; past: string; survey: string }> {
  const response = await fetch(`${baseUrl}/v1/communities/${DEMO}/graph`);
  if (!response.ok) throw new Error(`GET /graph of ${DEMO}: ${response.status}`);
  const graph = (await response.json()) as { nodes: { id: string }[] };
  const member = graph.nodes[0]?.id;
  if (!member) throw new Error(`the demo community ${DEMO} has no members`);
  const opened = await fetch(`${baseUrl}/v1/communities/${DEMO}/surveys`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      title: "Tour round",
      closesAt: new Date(Date.now() + 14 * 24 * 60 * 60 * 1000).toISOString(),
    }),
  });
  if (!opened.ok) throw new Error(`POST /surveys of ${DEMO}: ${opened.status}`);
  const { roundId } = (await opened.json()) as { roundId: string };
  const issued = await fetch(`${baseUrl}/v1/communities/${DEMO}/surveys/${roundId}/links?format=json`, {
    method: "POST",
  });
  if (!issued.ok) throw new Error(`POST /links of ${DEMO}: ${issued.status}`);
  const { links } = (await issued.json()) as { links: { link: string }[] };
  const link = links[0]?.link;
  if (!link) throw new Error(`the round on ${DEMO} issued no link`);
  return {
    member,
    past: new Date(Date.now() - 365 * 24 * 60 * 60 * 1000).toISOString(),
    survey: link.slice(link.indexOf("#")),
  };
}
