#!/usr/bin/env node
// `npm start`: the web app, the API on Bun, and — when there is no INWORLD_API_KEY — the offline local voice
// server standing in for Inworld. It says "ready" only once all of them are warm: the voice server's workers have
// compiled their WebAssembly and spoken a phrase, the API has answered one tiny synthesis end to end, and the web
// app has loaded the routes a first Listen uses, so the first Listen is as fast as the ones after it.
// A child that dies is restarted with backoff and logged (scripts/supervise.mjs) while the others keep serving;
// one Ctrl-C stops them all.
// `npm run dev` (--dev): the same processes, with Next's dev server (hot reload) and the API under `bun --watch`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { SignJWT } from "jose";
import { loadOrCreateAuthSecret } from "./auth-secret.mjs";
import { supervise } from "./supervise.mjs";

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
// Where this script reaches the web app: its own address, or loopback when it listens on every address.
const webHost = !env.HOST || env.HOST === "0.0.0.0" || env.HOST === "::" ? "127.0.0.1" : env.HOST;
const webUrl = `http://${webHost.includes(":") ? `[${webHost}]` : webHost}:${webPort}`;
const voiceUrl = `http://127.0.0.1:${voicePort}`;

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
  const sources = ["app", "client", "components", "lib", "web", "next.config.ts", "proxy.ts", "package.json"]
    .map((p) => join(root, p))
    .filter(existsSync);
  const newestSource = Math.max(...sources.map((p) => (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)));
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= newestSource) return;
  console.log("[start] building the web app (next build)…");
  const result = spawnSync(bin("next"), ["build"], { cwd: root, stdio: "inherit", env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!dev) ensureBuild();

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it holds; false after `timeoutMs` (the caller says what did not come up, and goes on). */
async function waitUntil(check, timeoutMs) {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(200)) {
    if (await check().catch(() => false)) return true;
  }
  return false;
}

const get = (url) => fetch(url, { signal: AbortSignal.timeout(5000), cache: "no-store" });
const voiceWarm = async () => {
  const res = await get(`${voiceUrl}/health`);
  return res.ok && (await res.json()).warm === true;
};
const apiUp = async () => (await get(`${env.API_URL}/health`)).ok;
const webUp = async () => (await get(`${webUrl}/`)).ok;

/**
 * One tiny synthesis through the API, end to end and by the path a first Listen takes (/api/tts/stream: routing,
 * the session check, cleaning, planning, the upstream call, the chunk lines, the MP3 and timeline merge). It is
 * asked as a premium "warm-up" reader from a documentation address (TEST-NET-1), so no reader's daily quota or
 * rate limit is touched; its audio is cached like any article's.
 */
async function warmApi() {
  const token = await new SignJWT({ tier: "premium" })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("npm-start-warm-up")
    .setExpirationTime("5m")
    .sign(new TextEncoder().encode(env.AUTH_SECRET));
  const res = await fetch(`${env.API_URL}/api/tts/stream`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}`, "X-Forwarded-For": "192.0.2.1" },
    body: JSON.stringify({ text: "Ready." }),
    signal: AbortSignal.timeout(30_000),
  });
  const lines = await res.text();
  return res.ok && lines.includes('"type":"end"');
}

/** Loads the reader page and the routes a Listen calls, so the first reader does not pay for loading them. */
async function warmWeb() {
  await (await get(`${webUrl}/read/the-lamplighters-round`)).arrayBuffer();
  // A GET is refused (405) without reaching the API, after Next has loaded the route.
  for (const path of ["/api/tts/stream", "/api/tts", "/api/articles"]) await (await get(`${webUrl}${path}`)).arrayBuffer();
}

const services = [];
function run(name, command, args, extraEnv, onStart) {
  services.push(
    supervise({
      name,
      command,
      args,
      options: { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: { ...env, ...extraEnv } },
      onStart,
    }),
  );
}

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await Promise.all(services.map((service) => service.stop()));
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());

// After a restart, say when the process is serving again; the first start is awaited below instead.
const announceReturn = (name, ready) => {
  let started = 0;
  return () => {
    if (started++ === 0) return;
    void waitUntil(ready, 120_000).then((ok) => !stopping && console.log(`[start] ${name} ${ok ? "is serving again" : "has not come back yet"}`));
  };
};

const apiEnv = { API_PORT: apiPort };
if (useLocalVoice) {
  run("local voice", bin("bun"), ["server/local-voice/index.ts"], { LOCAL_VOICE_PORT: voicePort }, announceReturn("local voice", voiceWarm));
  // The API needs *a* key to enable TTS; the local voice server accepts any Basic credential.
  Object.assign(apiEnv, { INWORLD_BASE_URL: voiceUrl, INWORLD_API_KEY: "local-voice" });
}
run("api", bin("bun"), dev ? ["--watch", "server/index.ts"] : ["server/index.ts"], apiEnv, announceReturn("api", apiUp));
// Next.js behind our own server, which writes the client address itself (scripts/web-server.mjs).
run(
  "web",
  process.execPath,
  [join(root, "scripts/web-server.mjs")],
  { PORT: webPort, HOST: env.HOST || "0.0.0.0", WEB_DEV: dev ? "1" : "", NEXT_TELEMETRY_DISABLED: "1" },
  announceReturn("web", webUp),
);

// Warm, in the order a Listen needs them: the voice, the API through it, the web app in front.
const warmUps = [
  ...(useLocalVoice ? [["local voice warm", () => waitUntil(voiceWarm, 120_000)]] : []),
  ["api listening", () => waitUntil(apiUp, 60_000)],
  ["api warm", () => warmApi().catch(() => false)],
  ["web listening", () => waitUntil(webUp, 120_000)],
  [
    "web warm",
    () =>
      warmWeb().then(
        () => true,
        () => false,
      ),
  ],
];
for (const [what, step] of warmUps) {
  if (stopping) break;
  if (!(await step())) console.warn(`[start] ${what}: not yet; starting anyway`);
}
if (!stopping) {
  console.log(
    `[start] ready: web http://localhost:${webPort}  api http://localhost:${apiPort}` +
      (useLocalVoice ? `  local voice http://localhost:${voicePort} (offline, no API key)` : "  Inworld"),
  );
}
