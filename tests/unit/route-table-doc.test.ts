// docs/architecture.md lists every route with the guards it gets: checked here against the composed app's route
// table, so the document cannot drift from what the app enforces (invariant 19).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "@/server/app";
import { compose } from "@/server/compose";
import { loadEnv } from "@/server/env";
import { guardsOf } from "@/server/plugins/guards";
import { repoRoot } from "../support/processes";
import { routeTable } from "../support/route-table";

// Every route the app can have: the demo sign-in exists only with DEMO_AUTH.
const composition = compose(loadEnv({ LOG_LEVEL: "silent", DEMO_AUTH: "1", AUTH_SECRET: "x".repeat(32) }));
afterAll(() => composition.close());

describe("docs/architecture.md's route table", () => {
  it("is the composed app's route table", () => {
    const routes = createApp(composition.options).routes.map((route) => ({ method: route.method, path: route.path, guards: guardsOf(route) }));
    const doc = readFileSync(join(repoRoot, "docs/architecture.md"), "utf8");
    const listed = /<!-- routes:start -->\n([\s\S]*?)\n<!-- routes:end -->/.exec(doc)?.[1];
    // On a mismatch, the expected table is the one to paste between the markers.
    expect(listed).toBe(routeTable(routes));
  });
});
