import { afterEach, beforeEach, expect, it } from "vitest";
import { loadUsual, saveUsual, type Usual } from "./remembered.js";

// Node has no localStorage: a Storage over a Map stands in for the browser's here; the browser
// test of the record page (test/e2e/record.e2e.test.ts) checks Chromium's own.
class MapStorage implements Storage {
  readonly #items = new Map<string, string>();
  get length() {
    return this.#items.size;
  }
  clear() {
    this.#items.clear();
  }
  getItem(key: string) {
    return this.#items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.#items.delete(key);
  }
  setItem(key: string, value: string) {
    this.#items.set(key, String(value));
  }
  /** Everything stored, as one text to search. */
  dump() {
    return JSON.stringify([...this.#items]);
  }
}

let storage: MapStorage;
beforeEach(() => {
  storage = new MapStorage();
  Object.defineProperty(globalThis, "localStorage", { value: storage, configurable: true });
});
afterEach(() => {
  Reflect.deleteProperty(globalThis, "localStorage");
});

const PLACE = "Makerspace Oost";

it("keeps no place: where a group met is personal", () => {
  // What the gathering form of an earlier version handed over.
  saveUsual("garden", { place: PLACE, gatheringFormat: "workshop" } as Usual);
  expect(storage.dump()).not.toContain(PLACE);
  expect(loadUsual("garden")).toEqual({ gatheringFormat: "workshop" });
});

it("erases a place an earlier version left in the browser, at the first load", () => {
  storage.setItem("copgraph.record.garden", JSON.stringify({ place: PLACE, gatheringFormat: "workshop" }));
  expect(loadUsual("garden")).toEqual({ gatheringFormat: "workshop" });
  expect(storage.dump()).not.toContain(PLACE);
});

it("remembers the formats and kind used last, per community", () => {
  saveUsual("garden", { gatheringFormat: "workshop" });
  saveUsual("garden", { interactionKind: "mentoring", interactionFormat: "online" });
  saveUsual("town", { gatheringFormat: "meeting" });
  expect(loadUsual("garden")).toEqual({
    gatheringFormat: "workshop",
    interactionKind: "mentoring",
    interactionFormat: "online",
  });
  expect(loadUsual("town")).toEqual({ gatheringFormat: "meeting" });
});

it("remembers nothing, and breaks nothing, without storage", () => {
  Reflect.deleteProperty(globalThis, "localStorage");
  expect(() => saveUsual("garden", { gatheringFormat: "workshop" })).not.toThrow();
  expect(loadUsual("garden")).toEqual({});
});
