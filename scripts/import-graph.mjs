// The imports of a package's TypeScript sources, read with a regular expression (the sources use
// only `import … from "…"`, `export … from "…"`, `import "…"` and `import("…")`), and the loops
// in a graph of them. Used by check-dependencies.mjs.
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";

export function* sourceFiles(dir) {
  for (const name of readdirSync(dir).sort()) {
    if (name === "node_modules" || name === "dist") continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith(".d.ts")) yield path;
  }
}

// An import found in a comment counts too: a false alarm is cheap, a missed import is not.
const importPattern =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|(?:^|\n)\s*import\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** Every import of a file: its specifier and, for `import { a, b as c } from`, the names it takes. */
export function importsOf(text) {
  return [...text.matchAll(importPattern)].map((match) => {
    const specifier = match[1] ?? match[2] ?? match[3];
    const names = match[1] ? importedNames(match[0]) : null;
    return { specifier, names };
  });
}

// null when the statement takes the whole module (default, `* as`, `export *`, dynamic import).
function importedNames(statement) {
  const clause = statement.replace(/^\s*(?:import|export)\s+(?:type\s+)?/, "").replace(/\s*from\s+["'][^"']+["']$/, "");
  const braces = /^\{([^}]*)\}$/.exec(clause.trim());
  if (!braces) return null;
  return braces[1]
    .split(",")
    .map(
      (part) =>
        part
          .trim()
          .replace(/^type\s+/, "")
          .split(/\s+as\s+/)[0],
    )
    .filter(Boolean);
}

/** The source file a relative specifier names (`./x.js` is `./x.ts`), or null when there is none. */
export function resolveRelative(fromFile, specifier) {
  const base = join(dirname(fromFile), specifier);
  const candidates = [
    base.replace(/\.(m?)js$/, ".$1ts"),
    base.replace(/\.js$/, ".tsx"),
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, "index.ts"),
  ];
  return candidates.find((path) => /\.(ts|tsx|mts)$/.test(path) && existsSync(path) && statSync(path).isFile()) ?? null;
}

/** The folder of a file inside `src`, as a name ("." for src itself). */
export function folderOf(src, file) {
  return relative(src, dirname(file)).split(sep).join("/") || ".";
}

/** The loops of a directed graph (Map node → Set of nodes): one path a → … → a per strongly connected component. */
export function loopsOf(graph) {
  const index = new Map();
  const lowLink = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  let next = 0;
  // Tarjan's algorithm, iterative so that a long chain of files cannot overflow the call stack.
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work = [{ node: start, targets: [...(graph.get(start) ?? [])] }];
    index.set(start, next);
    lowLink.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const target = frame.targets.shift();
      if (target !== undefined) {
        if (!index.has(target)) {
          index.set(target, next);
          lowLink.set(target, next++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, targets: [...(graph.get(target) ?? [])] });
        } else if (onStack.has(target)) {
          lowLink.set(frame.node, Math.min(lowLink.get(frame.node), index.get(target)));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        lowLink.set(parent, Math.min(lowLink.get(parent), lowLink.get(frame.node)));
      }
      if (lowLink.get(frame.node) === index.get(frame.node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = graph.get(frame.node)?.has(frame.node);
        if (component.length > 1 || selfLoop) components.push(component);
      }
    }
  }
  return components.map((component) => {
    const members = new Set(component);
    const first = [...members].sort()[0];
    return { members: [...members].sort(), path: pathBack(graph, first, members) };
  });
}

// The shortest walk from `start` back to itself inside one component (breadth first).
function pathBack(graph, start, members) {
  const cameFrom = new Map();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const target of [...(graph.get(node) ?? [])].sort()) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(cameFrom.get(path[0]));
        return [...path, start];
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start];
}

/**
 * The two sibling folders an import between folders `from` and `to` crosses: below the deepest folder
 * holding both, the one holding `from` and the one holding `to` ("routes/a" → "read/b" crosses
 * routes → read). null when one folder holds the other: a folder and the folders inside it may use
 * each other (a registry imports its plugins, the plugins import the interface beside the registry).
 */
export function siblingFolders(from, to) {
  const a = from === "." ? [] : from.split("/");
  const b = to === "." ? [] : to.split("/");
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  if (common === a.length || common === b.length) return null;
  return [a.slice(0, common + 1).join("/"), b.slice(0, common + 1).join("/")];
}
