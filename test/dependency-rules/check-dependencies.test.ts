import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// scripts/check-dependencies.mjs against a small tree laid out like the repository: it passes on the
// clean tree, and fails naming the file on each planted violation of each rule.

const script = fileURLToPath(new URL("../../scripts/check-dependencies.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "copgraph-dependency-rules-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Tree = Record<string, readonly string[]>;

const cleanTree: Tree = {
  "shared/domain/src/catalogues.ts": ["export const sectors = ['care', 'education'] as const;"],
  "shared/domain/src/decide.ts": ["import { sectors } from './catalogues.js';", "export const decide = () => sectors;"],
  "shared/domain/src/index.ts": ["export * from './catalogues.js';", "export { decide } from './decide.js';"],
  "shared/contract/src/index.ts": ["import { z } from 'zod';", "import { sectors } from '@copgraph/domain';"],
  // A registry importing its plugins, the plugins importing the interface beside it: no loop.
  "shared/analytics/src/indicators/indicator.ts": ["export interface Indicator { id: string }"],
  "shared/analytics/src/indicators/registry.ts": ["import { activity } from './activity/index.js';"],
  "shared/analytics/src/indicators/activity/index.ts": ["import type { Indicator } from '../indicator.js';"],
  "shared/analytics/src/projection/query.ts": ["import type { Indicator } from '../indicators/indicator.js';"],
  "services/event-store/src/index.ts": ["import Database from 'better-sqlite3';", "import { rmSync } from 'node:fs';"],
  // The adapters' shared suite is test support of this package: vitest and node:fs are fine here.
  "services/event-store/src/contract/index.ts": [
    "import { describe } from 'vitest';",
    "import { mkdtempSync } from 'node:fs';",
    "import { openStore } from '../index.js';",
  ],
  "services/event-store/src/sqlite.contract.int.test.ts": ["import { describeContract } from './contract/index.js';"],
  "services/community/src/write/community-log.ts": ["import type { EventStore } from '@copgraph/event-store';"],
  "services/community/src/read/community-reader.ts": ["import { streamOf } from '../write/community-log.js';"],
  "services/community/src/index.ts": [
    "import { createHash } from 'node:crypto';",
    "export * from './read/community-reader.js';",
  ],
  "services/api/src/app.ts": [
    "import Fastify from 'fastify';",
    "import { openCommunities } from '@copgraph/community';",
  ],
  "services/api/src/testing/test-app.ts": ["import { buildApp } from '../app.js';"],
  "services/api/src/app.int.test.ts": ["import { testApp } from './testing/test-app.js';"],
  "web/src/main.ts": [
    "import type { CommunitySummary } from '@copgraph/contract';",
    "import { sectors } from '@copgraph/domain';",
    "import Sigma from 'sigma';",
  ],
};

function plant(name: string, files: Tree): string {
  const root = join(dir, name);
  for (const [path, lines] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), `${lines.join("\n").replaceAll("'", '"')}\n`);
  }
  return root;
}

const clean = plant("clean", cleanTree);

function check(root: string) {
  const run = spawnSync(process.execPath, [script, root], { encoding: "utf8" });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

/** The clean tree with `files` added or replaced. */
function withViolation(name: string, files: Tree): string {
  cpSync(clean, join(dir, name), { recursive: true });
  return plant(name, files);
}

describe("scripts/check-dependencies.mjs", () => {
  it("passes on a clean tree", () => {
    const { code, output } = check(clean);
    expect(output).toMatch(/dependency rules: ok/);
    expect(code).toBe(0);
  });

  const violations: { rule: string; files: Tree; named: readonly string[] }[] = [
    {
      rule: "shared/contract is held to its rule (a folder named contract is not test code)",
      files: {
        "shared/contract/src/stored.ts": ["import { openStore } from '@copgraph/event-store';", "import 'node:fs';"],
      },
      named: [
        "shared/contract/src/stored.ts imports '@copgraph/event-store'",
        "shared/contract/src/stored.ts imports 'node:fs'",
      ],
    },
    {
      rule: "services/community never imports fastify or node:http, not even in a test",
      files: {
        "services/community/src/read/routes.ts": [
          "import Fastify from 'fastify';",
          "import cors from '@fastify/cors';",
        ],
        "services/community/src/read/reader.int.test.ts": ["import { createServer } from 'node:http';"],
      },
      named: [
        "services/community/src/read/routes.ts imports 'fastify'",
        "services/community/src/read/routes.ts imports '@fastify/cors'",
        "services/community/src/read/reader.int.test.ts imports 'node:http'",
      ],
    },
    {
      rule: "shared/* never imports services/*, by name or by a relative path",
      files: {
        "shared/analytics/src/stored.ts": ["import type { RecordedEvent } from '@copgraph/event-store';"],
        "shared/analytics/src/stored.test.ts": ["import { buildApp } from '../../../services/api/src/app.js';"],
      },
      named: [
        "shared/analytics/src/stored.ts imports '@copgraph/event-store'",
        "shared/analytics/src/stored.test.ts imports '../../../services/api/src/app.js'",
      ],
    },
    {
      rule: "web imports only contract, and only catalogues from the domain",
      files: {
        "web/src/graph.ts": ["import { computeIndicators } from '@copgraph/analytics';"],
        "web/src/decide.ts": ["import { decide, sectors } from '@copgraph/domain';"],
      },
      named: ["web/src/graph.ts imports '@copgraph/analytics'", "web/src/decide.ts imports '@copgraph/domain'"],
    },
    {
      rule: "code that is not test code never imports test code",
      files: {
        "services/api/src/server.ts": ["import { describeContract } from '@copgraph/event-store/contract';"],
        "services/api/src/seed.ts": ["import { testApp } from './testing/test-app.js';"],
      },
      named: [
        "services/api/src/server.ts imports '@copgraph/event-store/contract'",
        "services/api/src/seed.ts imports './testing/test-app.js'",
      ],
    },
    {
      rule: "no import cycle between files",
      files: {
        "shared/domain/src/decide.ts": ["import { evolve } from './evolve.js';"],
        "shared/domain/src/evolve.ts": ["import { decide } from './decide.js';"],
      },
      named: ["import cycle in shared/domain: shared/domain/src/decide.ts → shared/domain/src/evolve.ts"],
    },
    {
      rule: "no loop between folders of a package",
      files: {
        "shared/analytics/src/indicators/activity/window.ts": ["import { TieLayer } from '../../projection/query.js';"],
      },
      named: [
        "folder loop in shared/analytics/src: indicators → projection → indicators",
        "indicators/activity/window.ts imports projection/query.ts",
      ],
    },
    {
      rule: "every package has a rule",
      files: { "services/billing/src/index.ts": ["export const invoice = 1;"] },
      named: ["services/billing has no dependency rule"],
    },
  ];

  it.each(violations)("fails when $rule", ({ rule, files, named }) => {
    const { code, output } = check(withViolation(rule.replaceAll(/\W+/g, "-"), files));
    expect(code, output).toBe(1);
    for (const text of named) expect(output).toContain(text);
  });
});
