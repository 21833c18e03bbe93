#!/usr/bin/env node
// `npm test`: typecheck, lint, format check, unit, integration and end-to-end tests, in that order. It installs what npm
// cannot (redis-server, Debian's chromium) when missing, and every server a test needs is started on a free
// port by the tests themselves and stopped after them.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const bin = (name) => join(root, "node_modules/.bin", name);
const tmp = join(root, ".tmp");
mkdirSync(tmp, { recursive: true });

function have(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

function ensureSystemPackages() {
  const wanted = [
    ["redis-server", "redis-server"],
    ["/usr/bin/chromium", "chromium"],
  ].filter(([probe]) => (probe.startsWith("/") ? !existsSync(probe) : !have(probe)));
  if (wanted.length === 0) return;
  const packages = wanted.map(([, pkg]) => pkg);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  // As root (CI, a fresh machine) apt-get runs directly; otherwise through sudo.
  const apt = (...args) =>
    process.getuid?.() === 0
      ? spawnSync("apt-get", args, { stdio: "inherit", env })
      : spawnSync("sudo", ["apt-get", ...args], { stdio: "inherit", env });
  console.log(`[test] installing ${packages.join(", ")} with apt-get`);
  const update = apt("update");
  const install = apt("install", "-y", "--no-install-recommends", ...packages);
  if (update.status !== 0 || install.status !== 0) {
    console.error(`[test] could not install ${packages.join(", ")}; install them and run again`);
    process.exit(1);
  }
}

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

const results = [];
function step(name, command, args, env = {}) {
  console.log(`\n[test] ── ${name} ──`);
  const started = Date.now();
  const run = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  const ok = run.status === 0;
  results.push({ name, ok, seconds: Math.round((Date.now() - started) / 1000) });
  return ok;
}

function count(file, read) {
  try {
    return read(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return { passed: 0, failed: 0 };
  }
}

ensureSystemPackages();

const vitestJson = join(tmp, "vitest.json");
const playwrightJson = join(tmp, "playwright.json");
rmSync(vitestJson, { force: true });
rmSync(playwrightJson, { force: true });

step("typecheck", bin("tsc"), ["--noEmit", "-p", "."]);
step("lint", bin("eslint"), [".", "--max-warnings=0"]);
step("format (prettier --check; npm run format fixes it)", bin("prettier"), ["--check", "."]);
step("unit + integration (vitest)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
const [webPort, apiPort, voicePort] = [await freePort(), await freePort(), await freePort()];
step("end-to-end (playwright, chromium)", bin("playwright"), ["test", "--reporter=list,json"], {
  E2E_WEB_PORT: String(webPort),
  E2E_API_PORT: String(apiPort),
  E2E_VOICE_PORT: String(voicePort),
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1",
});

const vitest = count(vitestJson, (r) => ({ passed: r.numPassedTests ?? 0, failed: r.numFailedTests ?? 0 }));
const playwright = count(playwrightJson, (r) => ({ passed: r.stats?.expected ?? 0, failed: (r.stats?.unexpected ?? 0) + (r.stats?.flaky ?? 0) }));

console.log("\n[test] ── summary ──");
for (const r of results) console.log(`${r.ok ? "ok  " : "FAIL"}  ${r.name} (${r.seconds}s)`);
const failedSteps = results.filter((r) => !r.ok).length;
const passed = vitest.passed + playwright.passed;
const failed = vitest.failed + playwright.failed + (failedSteps > 0 && vitest.failed + playwright.failed === 0 ? failedSteps : 0);
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(failedSteps > 0 ? 1 : 0);
