// npm run bench: every server benchmark under Bun (tests/bench/*.bench.ts, one at a time: the machine's cores
// are the thing measured), then the browser benchmark with Playwright when its config exists. Each prints
// markdown tables for the README's "Performance" section. Exits non-zero if any benchmark failed to run.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const bun = join(root, "node_modules/.bin/bun");
const benchDir = join(root, "tests/bench");
const browserConfig = "tests/bench/playwright.bench.config.ts";

const run = (command, args) => {
  console.log(`\n$ ${[command, ...args].map((a) => a.replace(root + "/", "")).join(" ")}\n`);
  return spawnSync(command, args, { cwd: root, stdio: "inherit" }).status ?? 1;
};

// Browser benchmarks share the suffix but belong to Playwright's config, not to Bun.
const isServerBench = (file) => file.endsWith(".bench.ts") && !readFileSync(join(benchDir, file), "utf8").includes("@playwright/test");

let failed = 0;
for (const file of readdirSync(benchDir).filter(isServerBench).sort()) {
  if (run(bun, [join("tests/bench", file)]) !== 0) failed++;
}
if (existsSync(join(root, browserConfig))) {
  if (run(join(root, "node_modules/.bin/playwright"), ["test", "-c", browserConfig]) !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
