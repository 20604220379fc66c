// Checks the dependency direction between packages: the domain (and later the analytics)
// import no I/O; only the api wires adapters. Fails listing every import that breaks a rule.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const testOnly = ["vitest", "fast-check", "node:", "@copgraph/", "graphology"];
const rules = {
  "shared/domain": ["zod"],
  "shared/analytics": ["zod", "@copgraph/domain", "graphology"],
  "shared/contract": ["zod", "@copgraph/domain"],
  "shared/simulator": ["@copgraph/domain"],
  // node:crypto only for the HMAC of pseudonyms: computation, no I/O.
  "shared/interchange": ["@copgraph/domain", "@copgraph/analytics", "graphology", "node:crypto"],
  "services/event-store": ["node:", "better-sqlite3", "@eventstore/db-client"],
  // better-sqlite3: files apart from the log — API keys (access.sqlite) and the personal-data vault.
  // helmet: the security headers, built once (see services/api/src/http/security-headers.ts).
  "services/api": ["node:", "@copgraph/", "fastify", "@fastify/", "zod", "graphology", "better-sqlite3", "helmet"],
  web: ["@copgraph/contract", "@copgraph/domain", "@copgraph/analytics", "sigma", "graphology", "@sigma/"],
};

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "dist") continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith(".d.ts")) yield path;
  }
}

const importPattern = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
const violations = [];
for (const [pkg, allowed] of Object.entries(rules)) {
  let src;
  try {
    src = join(root, pkg, "src");
    statSync(src);
  } catch {
    continue;
  }
  for (const file of sourceFiles(src)) {
    const isTest = /\.test\.ts$|\/testing\/|\/contract\//.test(file);
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(importPattern)) {
      const specifier = match[1] ?? match[2];
      if (specifier.startsWith(".")) continue;
      const permitted = [...allowed, ...(isTest ? testOnly : [])];
      if (
        !permitted.some(
          (prefix) =>
            specifier === prefix ||
            specifier.startsWith(prefix.endsWith(":") || prefix.endsWith("/") ? prefix : `${prefix}/`) ||
            specifier.startsWith(`${prefix}-`),
        )
      ) {
        violations.push(`${relative(root, file)} imports '${specifier}', which ${pkg} may not depend on`);
      }
    }
  }
}
if (violations.length > 0) {
  console.error(`dependency direction: ${violations.length} violation(s)\n${violations.join("\n")}`);
  process.exit(1);
}
console.log("dependency direction: ok");
