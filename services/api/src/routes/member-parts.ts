// The member-level parts of indicator values: `byMember`, and the parts of `details` that key or
// list members. They grow with the community, so an answer leaves them out unless asked, and then
// holds one page of members (see MemberDetailsQuery in the contract).
import type { IndicatorValue, MemberDetails } from "@copgraph/contract";

type Values = Readonly<Record<string, IndicatorValue>>;
type Page = Extract<MemberDetails, { included: true }>;

/**
 * Paths into an indicator's value of its member-level details, beside `byMember` (which every
 * indicator may have). A path names a record keyed by member (`details.partition`) or, ending in
 * `[]`, a list of members (`details.members[]`; `[]` inside maps over a list). Read from each
 * indicator's `returns`; member-parts.test.ts computes the whole catalogue and checks that nothing
 * else in an answer names a member.
 */
export const memberDetailPaths: Readonly<Record<string, readonly string[]>> = {
  "activity.churn": ["details.daysSinceLastActivity"],
  "diversity.ego": ["details.weighted"],
  "network.isolates": ["details.members[]"],
  "network.louvain": ["details.partition", "details.communities[][]"],
  "reciprocity.member": ["details.balance"],
  "silo.brokerage": ["details.byMember"],
  "silo.clusters": ["details.clusters[].members[]"],
};

interface Step {
  readonly key: string;
  /** How many list levels the value under `key` has before the next step (or the leaf's members). */
  readonly lists: number;
}

const stepsOf = (path: string): Step[] =>
  path.split(".").map((part) => {
    const key = part.replace(/(\[\])+$/, "");
    return { key, lists: (part.length - key.length) / 2 };
  });

const pathsOf = (id: string): string[] => ["byMember", ...(memberDetailPaths[id] ?? [])];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A copy of `value` with the leaf at `steps` replaced by `replace(leaf, lists)`, or its key
 * removed when that gives undefined. Where the value has not the path's shape (null details of
 * an empty graph), nothing changes.
 */
function mapLeaf(value: unknown, steps: readonly Step[], replace: (leaf: unknown, lists: number) => unknown): unknown {
  const [step, ...rest] = steps;
  if (!step || !isObject(value) || !(step.key in value)) return value;
  const { [step.key]: inner, ...others } = value;
  const next =
    rest.length === 0 ? replace(inner, step.lists) : eachAt(inner, step.lists, (item) => mapLeaf(item, rest, replace));
  return next === undefined ? others : { ...others, [step.key]: next };
}

/** `map` applied to the items `lists` levels down in nested lists (to the value itself at 0). */
function eachAt(value: unknown, lists: number, map: (item: unknown) => unknown): unknown {
  if (lists === 0) return map(value);
  return Array.isArray(value) ? value.map((item) => eachAt(item, lists - 1, map)) : value;
}

/** Members named by a leaf: a record's keys, or a (nested) list's items. */
function membersOfLeaf(leaf: unknown, lists: number, into: Set<string>): void {
  if (lists === 0) {
    if (isObject(leaf)) for (const member of Object.keys(leaf)) into.add(member);
    return;
  }
  if (!Array.isArray(leaf)) return;
  for (const item of leaf) {
    if (lists > 1) membersOfLeaf(item, lists - 1, into);
    else if (typeof item === "string") into.add(item);
  }
}

/**
 * A leaf with only the page's members: a record in the page's order; a list in its own order,
 * keeping its places (a cluster with none of them stays, empty).
 */
function leafOf(leaf: unknown, lists: number, page: readonly string[], keep: ReadonlySet<string>): unknown {
  if (lists === 0) {
    if (!isObject(leaf)) return leaf;
    const record: Record<string, unknown> = {};
    for (const member of page) if (Object.hasOwn(leaf, member)) record[member] = leaf[member];
    return record;
  }
  if (!Array.isArray(leaf)) return leaf;
  return lists > 1
    ? leaf.map((item) => leafOf(item, lists - 1, page, keep))
    : leaf.filter((item) => typeof item === "string" && keep.has(item));
}

function present(value: IndicatorValue, path: string): boolean {
  let found = false;
  mapLeaf(value, stepsOf(path), (leaf) => {
    found = leaf !== undefined;
    return leaf;
  });
  return found;
}

/** The values without their member-level parts, and which parts were left out, per indicator. */
export function withoutMemberDetails(values: Values): {
  indicators: Record<string, IndicatorValue>;
  omitted: Record<string, string[]>;
} {
  const indicators: Record<string, IndicatorValue> = {};
  const omitted: Record<string, string[]> = {};
  for (const [id, value] of Object.entries(values)) {
    const paths = pathsOf(id).filter((path) => present(value, path));
    if (paths.length > 0) omitted[id] = paths;
    indicators[id] = paths.reduce(
      (without, path) => mapLeaf(without, stepsOf(path), () => undefined) as IndicatorValue,
      value,
    );
  }
  return { indicators, omitted };
}

/**
 * The values with their member-level parts restricted to one page of members: every member named
 * in any of them, in the order of their ids compared as strings (stable for a revision and query).
 */
export function memberPage(
  values: Values,
  page: number,
  pageSize: number,
): { indicators: Record<string, IndicatorValue>; memberDetails: Page } {
  const named = new Set<string>();
  for (const [id, value] of Object.entries(values)) {
    for (const path of pathsOf(id)) {
      mapLeaf(value, stepsOf(path), (leaf, lists) => {
        membersOfLeaf(leaf, lists, named);
        return leaf;
      });
    }
  }
  const members = [...named].sort();
  const onPage = members.slice((page - 1) * pageSize, page * pageSize);
  const keep = new Set(onPage);
  const indicators: Record<string, IndicatorValue> = {};
  for (const [id, value] of Object.entries(values)) {
    indicators[id] = pathsOf(id).reduce(
      (paged, path) =>
        mapLeaf(paged, stepsOf(path), (leaf, lists) => leafOf(leaf, lists, onPage, keep)) as IndicatorValue,
      value,
    );
  }
  const pages = Math.ceil(members.length / pageSize);
  return {
    indicators,
    memberDetails: { included: true, page, pageSize, members: members.length, pages, order: "member id" },
  };
}
