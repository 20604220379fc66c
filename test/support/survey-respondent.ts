// A respondent's survey page as the browser tests drive it: the locators of its parts and a whole answer.
import type { Page } from "playwright-core";
import { expect } from "vitest";

/** What a link that opens nothing says, whatever the reason. */
export const DEAD = "This link does not work: it may have been replaced or the round has closed.";

export const ready = (page: Page) => page.locator("article.sv-page[data-state=ready]").waitFor({ timeout: 15_000 });
export const picker = (page: Page, question: string) => page.locator(`fieldset.sv-picker[data-question="${question}"]`);
export const rated = (page: Page, memberId: string) => page.locator(`fieldset.sv-rated[data-member="${memberId}"]`);
export const scale = (scope: ReturnType<Page["locator"]>, legend: string | RegExp) =>
  scope.locator("fieldset.sv-scale").filter({ has: scope.page().locator("legend", { hasText: legend }) });
export const point = (scope: ReturnType<Page["locator"]>, value: number) =>
  scope.getByRole("radio", { name: new RegExp(`^${value}( |$)`) });

/**
 * Names two people of the roster's `names` for advice (finding the first by typing), rates the
 * first (member m<first + 1>), answers one community item, saves.
 */
export async function answer(page: Page, names: readonly string[], first: number, second: number): Promise<void> {
  await ready(page);
  const advice = picker(page, "ng.advice.v1");
  const firstName = names[first] as string;
  // Typed without its accents and in lower case: the search still finds it.
  await advice.getByLabel("Find a name").fill(
    firstName
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "")
      .toLowerCase(),
  );
  await advice.getByLabel(firstName, { exact: true }).check();
  await advice.getByLabel("Find a name").fill("");
  await advice.getByLabel(names[second] as string, { exact: true }).check();
  const person = rated(page, `m${first + 1}`);
  await point(scale(person, "does what they say"), 3).check();
  await point(scale(person, "How much say"), 2).check();
  await point(scale(page.locator(".sv-questions"), "I switch between learning and teaching here."), 4).check();
  await page.getByRole("button", { name: "Save my answer" }).click();
  await page.locator("article.sv-page[data-saved]").waitFor();
  expect(await page.locator(".sv-actions .sv-status").textContent()).toMatch(
    /^Saved .*You can change your answer until/,
  );
}

/** The links CSV of a round as member id → link. */
export function parseLinks(csv: string): Map<string, string> {
  const [, ...rows] = csv.trim().split(/\r?\n/);
  return new Map(
    rows.map((row) => {
      const cells = row.split(",");
      return [cells[0] as string, cells.at(-1) as string];
    }),
  );
}
