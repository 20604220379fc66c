// The dependency rules of copgraph's packages (shared/*, services/*, web). `npm test` runs this;
// it fails listing every import that breaks a rule. The rules:
//   1. Direction: each package imports only what `packages` below lets it (domain ← analytics ←
//      community ← api; domain ← contract ← api; event-store ← community ← api). The pure packages
//      do no I/O; only services touch files. A package with no entry here fails: it needs its rule.
//   2. services/community (the application core) never imports fastify, @fastify/*, node:http,
//      node:https or node:http2, not even in a test.
//   3. shared/* never imports services/* (by package name or by a relative path), not even in a test.
//   4. web imports only @copgraph/contract, and from @copgraph/domain only the catalogues
//      (the names shared/domain/src/catalogues.ts exports).
//   5. Test code is a *.test.ts file, a folder named `testing`, or a package's declared test-support
//      folder (services/event-store/src/contract: the suite every adapter passes). It may also import
//      vitest, fast-check, node:*, graphology and @copgraph/* (rules 2 and 3 still hold). Code that
//      is not test code never imports test code, and no relative import leaves its package.
//   6. No import cycle between files. No loop between sibling folders inside a package, outside test
//      code (folder X imports from folder Y while Y imports, directly or through others, from X;
//      read/a.ts → write/sub/b.ts counts as read → write). A folder and the folders inside it may
//      use each other: a registry imports its plugins, which import the interface beside it.
// Usage: node scripts/check-dependencies.mjs [root] (root defaults to the repository).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { folderOf, importsOf, loopsOf, resolveRelative, siblingFolders, sourceFiles } from "./import-graph.mjs";

const root = resolve(process.argv[2] ?? new URL("..", import.meta.url).pathname);
const http = ["fastify", "@fastify/", "node:http", "node:https", "node:http2"];
const packages = {
  "shared/domain": { may: ["zod"] },
  "shared/analytics": { may: ["zod", "@copgraph/domain", "graphology"] },
  "shared/contract": { may: ["zod", "@copgraph/domain"] },
  "shared/simulator": { may: ["@copgraph/domain"] },
  // node:crypto only for the HMAC of pseudonyms: computation, no I/O.
  "shared/interchange": { may: ["@copgraph/domain", "@copgraph/analytics", "graphology", "node:crypto"] },
  "services/event-store": {
    may: ["node:", "better-sqlite3", "@eventstore/db-client"],
    testSupport: ["contract"],
  },
  // better-sqlite3: the personal-data vault.
  "services/community": {
    may: [
      "node:",
      "zod",
      "better-sqlite3",
      "@copgraph/domain",
      "@copgraph/contract",
      "@copgraph/analytics",
      "@copgraph/interchange",
      "@copgraph/simulator",
      "@copgraph/event-store",
    ],
    never: http,
  },
  // better-sqlite3: files apart from the log — API keys (access.sqlite).
  // helmet: the security headers, built once (see services/api/src/http/security-headers.ts).
  "services/api": {
    may: ["node:", "@copgraph/", "fastify", "@fastify/", "zod", "graphology", "better-sqlite3", "helmet"],
  },
  web: {
    may: ["@copgraph/contract", "@copgraph/domain", "sigma", "@sigma/", "graphology"],
    domainCataloguesOnly: true,
  },
};
const testOnly = ["vitest", "fast-check", "node:", "@copgraph/", "graphology"];

// Known folder loops, tolerated until removed. Each entry is the exact set of folders of one
// loop: a loop not listed fails, even one that grows out of a listed loop. An entry that no longer
// matches a loop is printed: empty this list as the loops go. (Issue 14 emptied it.)
const knownFolderLoops = [];

const violations = [];
const packageDirs = [
  ...["shared", "services"].flatMap((group) =>
    existsSync(join(root, group)) ? readdirSync(join(root, group)).map((name) => `${group}/${name}`) : [],
  ),
  "web",
].filter((dir) => existsSync(join(root, dir, "src")));

const nameOf = (dir) => {
  const manifest = join(root, dir, "package.json");
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, "utf8")).name : `@copgraph/${dir.split("/").pop()}`;
};
const serviceNames = packageDirs.filter((dir) => dir.startsWith("services/")).map(nameOf);
const testSupportImports = packageDirs.flatMap((dir) =>
  (packages[dir]?.testSupport ?? []).map((folder) => `${nameOf(dir)}/${folder}`),
);
const catalogueFile = join(root, "shared/domain/src/catalogues.ts");
const catalogueNames = new Set(
  existsSync(catalogueFile)
    ? [...readFileSync(catalogueFile, "utf8").matchAll(/^export\s+(?:const|function|type)\s+(\w+)/gm)].map((m) => m[1])
    : [],
);

const matches = (specifier, prefix) =>
  specifier === prefix ||
  specifier.startsWith(prefix.endsWith(":") || prefix.endsWith("/") ? prefix : `${prefix}/`) ||
  specifier.startsWith(`${prefix}-`);
const matchesAny = (specifier, prefixes) => prefixes.some((prefix) => matches(specifier, prefix));
const shown = (file) => relative(root, file);

let fileCount = 0;
for (const dir of packageDirs) {
  const rule = packages[dir];
  if (!rule) {
    violations.push(`${dir} has no dependency rule: add it to scripts/check-dependencies.mjs`);
    continue;
  }
  const src = join(root, dir, "src");
  const isTestCode = (file) => {
    const path = relative(src, file).split(/[\\/]/);
    return (
      /\.test\.tsx?$/.test(file) || path.slice(0, -1).includes("testing") || (rule.testSupport ?? []).includes(path[0])
    );
  };
  const fileGraph = new Map();
  const folderGraph = new Map();
  const folderEdgeExample = new Map();

  for (const file of sourceFiles(src)) {
    fileCount++;
    const testCode = isTestCode(file);
    const permitted = [...rule.may, ...(testCode ? testOnly : [])];
    const fileTargets = new Set();
    fileGraph.set(file, fileTargets);
    for (const { specifier, names } of importsOf(readFileSync(file, "utf8"))) {
      const breaks = (why) => violations.push(`${shown(file)} imports '${specifier}': ${why}`);
      if (specifier.startsWith(".")) {
        const target = resolveRelative(file, specifier);
        if (target === null) continue; // the typecheck reports an import of nothing
        if (relative(src, target).startsWith("..")) {
          breaks(`a relative import may not leave ${dir}/src (import the package by its name)`);
          continue;
        }
        if (!testCode && isTestCode(target)) breaks("code that is not test code never imports test code");
        fileTargets.add(target);
        const edge = !testCode && siblingFolders(folderOf(src, file), folderOf(src, target));
        if (edge) {
          const [from, to] = edge;
          if (!folderGraph.has(from)) folderGraph.set(from, new Set());
          folderGraph.get(from).add(to);
          if (!folderEdgeExample.has(`${from}→${to}`))
            folderEdgeExample.set(`${from}→${to}`, `${relative(src, file)} imports ${relative(src, target)}`);
        }
        continue;
      }
      if (rule.never && matchesAny(specifier, rule.never)) breaks(`${dir} never imports it, not even in a test`);
      else if (dir.startsWith("shared/") && matchesAny(specifier, serviceNames))
        breaks("shared packages never import a service, not even in a test");
      else if (!testCode && matchesAny(specifier, testSupportImports))
        breaks("code that is not test code never imports test code");
      else if (!matchesAny(specifier, permitted)) breaks(`${dir} may not depend on it`);
      else if (rule.domainCataloguesOnly && matches(specifier, "@copgraph/domain")) {
        const outside = names === null ? ["the whole module"] : names.filter((name) => !catalogueNames.has(name));
        if (outside.length > 0)
          breaks(
            `${dir} takes only catalogues from the domain (not ${outside.join(", ")}; see shared/domain/src/catalogues.ts)`,
          );
      }
    }
  }

  for (const loop of loopsOf(fileGraph)) {
    violations.push(`import cycle in ${dir}: ${loop.path.map(shown).join(" → ")}`);
  }
  for (const loop of loopsOf(folderGraph)) {
    const known = knownFolderLoops.find(
      (entry) => entry.package === dir && entry.folders.join() === loop.members.join(),
    );
    if (known) {
      known.seen = true;
      continue;
    }
    const steps = loop.path.slice(1).map((to, i) => `    ${folderEdgeExample.get(`${loop.path[i]}→${to}`)}`);
    violations.push(`folder loop in ${dir}/src: ${loop.path.join(" → ")}\n${steps.join("\n")}`);
  }
}
for (const entry of knownFolderLoops) {
  if (!entry.seen && packageDirs.includes(entry.package))
    console.log(`known folder loop ${entry.package}: ${entry.folders.join(", ")} is gone: remove it from the list`);
}

if (violations.length > 0) {
  console.error(`dependency rules: ${violations.length} violation(s)\n${violations.join("\n")}`);
  process.exit(1);
}
const tolerated = knownFolderLoops.filter((entry) => entry.seen).length;
const loops = tolerated > 0 ? `${tolerated} known folder loop(s) tolerated` : "no cycles";
console.log(`dependency rules: ok (${fileCount} files, ${packageDirs.length} packages, ${loops})`);
