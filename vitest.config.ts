import { defineConfig } from "vitest/config";

// One runner for every tier: *.test.ts (pure), *.int.test.ts (real SQLite, real server),
// *.e2e.test.ts (real browser). Workspace packages resolve to their TypeScript source.
export default defineConfig({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"], externalConditions: ["source"] } },
  test: {
    include: ["{shared,services,web,test}/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
