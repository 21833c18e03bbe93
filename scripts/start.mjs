#!/usr/bin/env node
// `npm start`: the web app, the API on Bun, and — when there is no INWORLD_API_KEY — the offline local voice
// server standing in for Inworld. One Ctrl-C stops them all; if one dies, the others are stopped too.
// `npm run dev` (--dev): the same processes, with Next's dev server (hot reload) and the API under `bun --watch`.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadOrCreateAuthSecret } from "./auth-secret.mjs";

const root = resolve(import.meta.dirname, "..");
const bin = (name) => join(root, "node_modules/.bin", name);
const env = { ...process.env };

const webPort = env.PORT || "3000";
const apiPort = env.API_PORT || "3001";
const voicePort = env.LOCAL_VOICE_PORT || "3002";
const useLocalVoice = !env.INWORLD_API_KEY;
const dev = process.argv.includes("--dev");

// The demo sign-in needs a signing secret, the same one across restarts so sessions outlive them.
env.AUTH_SECRET ||= loadOrCreateAuthSecret(join(root, ".local/auth-secret"));
env.DEMO_AUTH ??= "1";
env.API_URL ||= `http://127.0.0.1:${apiPort}`;

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

// The web server serves a production build: make one on the first start, and again whenever the web sources
// changed since the last one, so a fresh clone needs nothing but `npm install && npm start`.
function ensureBuild() {
  const buildId = join(root, env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  const sources = ["app", "client", "components", "lib", "next.config.ts", "proxy.ts", "package.json"].map((p) => join(root, p)).filter(existsSync);
  const newestSource = Math.max(...sources.map((p) => (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)));
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= newestSource) return;
  console.log("[start] building the web app (next build)…");
  const result = spawnSync(bin("next"), ["build"], { cwd: root, stdio: "inherit", env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!dev) ensureBuild();

const children = [];
let stopping = false;

function run(name, command, args, extraEnv) {
  const child = spawn(command, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: { ...env, ...extraEnv } });
  children.push(child);
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`[start] ${name} exited (${signal ?? code}); stopping the others`);
      stop(code || 1);
    }
  });
  return child;
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  setTimeout(() => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    process.exit(code);
  }, 3000).unref();
  Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once("exit", r))))).then(() => process.exit(code));
}

process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

const apiEnv = { API_PORT: apiPort };
if (useLocalVoice) {
  run("local voice", bin("bun"), ["server/local-voice/index.ts"], { LOCAL_VOICE_PORT: voicePort });
  // The API needs *a* key to enable TTS; the local voice server accepts any Basic credential.
  Object.assign(apiEnv, { INWORLD_BASE_URL: `http://127.0.0.1:${voicePort}`, INWORLD_API_KEY: "local-voice" });
}
run("api", bin("bun"), dev ? ["--watch", "server/index.ts"] : ["server/index.ts"], apiEnv);
// Next.js behind our own server, which writes the client address itself (scripts/web-server.mjs).
run("web", process.execPath, [join(root, "scripts/web-server.mjs")], {
  PORT: webPort,
  HOST: env.HOST || "0.0.0.0",
  WEB_DEV: dev ? "1" : "",
  NEXT_TELEMETRY_DISABLED: "1",
});

console.log(
  `[start] web http://localhost:${webPort}  api http://localhost:${apiPort}` +
    (useLocalVoice ? `  local voice http://localhost:${voicePort} (offline, no API key)` : "  Inworld"),
);
