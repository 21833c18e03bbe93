// Starts the real parts the tests talk to (redis-server, the local voice server, the API on Bun) on free
// ports, and stops them. Nothing here is a stand-in: each is the process production runs.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const repoRoot = resolve(import.meta.dirname, "../..");
export const bunBin = join(repoRoot, "node_modules/.bin/bun");

export interface RunningProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitFor(check: () => Promise<boolean>, what: string, child: ChildProcess, log: () => string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}:\n${log()}`);
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not become ready in ${timeoutMs} ms:\n${log()}`);
}

function launch(command: string, args: string[], env: Record<string, string | undefined>) {
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const keep = (b: Buffer) => {
    log = (log + b.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once("exit", () => done());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 3_000).unref();
    });
  return { child, output: () => log, stop };
}

async function httpOk(url: string) {
  const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
  return res.ok;
}

/** `port` restarts a server where an earlier one ran (tests of reconnecting); by default a free port. */
export async function startRedis(port?: number): Promise<RunningProcess> {
  port ??= await freePort();
  const dir = mkdtempSync(join(tmpdir(), "listen-redis-"));
  const p = launch("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir], {});
  const { connect } = await import("node:net");
  const ping = () =>
    new Promise<boolean>((ok) => {
      const socket = connect(port, "127.0.0.1");
      socket.on("connect", () => {
        socket.end();
        ok(true);
      });
      socket.on("error", () => ok(false));
    });
  await waitFor(ping, "redis-server", p.child, p.output);
  return { ...p, port, url: `redis://127.0.0.1:${port}` };
}

/** `port` restarts a voice server where an earlier one ran (the API keeps its INWORLD_BASE_URL). */
export async function startLocalVoice(env: Record<string, string | undefined> = {}, port?: number): Promise<RunningProcess> {
  port ??= await freePort();
  const p = launch(bunBin, ["server/local-voice/index.ts"], { LOCAL_VOICE_PORT: String(port), LOCAL_VOICE_CONTROL: "1", ...env });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(() => httpOk(`${url}/health`), "local voice server", p.child, p.output);
  return { ...p, port, url };
}

/**
 * `redisDown`: the API is started against a Redis that is not there, so it is ready without a connection.
 * `entry`: another script that serves the composed API on API_PORT (a benchmark's, with routes of its own).
 */
export async function startApi(
  env: Record<string, string | undefined> = {},
  { redisDown = false, entry = "server/index.ts" } = {},
): Promise<RunningProcess> {
  const port = await freePort();
  const p = launch(bunBin, [entry], { API_PORT: String(port), LOG_LEVEL: "warn", ...env });
  const url = `http://127.0.0.1:${port}`;
  // With Redis configured, ready means connected too: a request in the first moments would miss every tier.
  const ready = async () => {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) });
    if (!res.ok) return false;
    const { tts } = (await res.json()) as { tts: { redis: { configured: boolean; connected: boolean } } };
    return redisDown || !tts.redis.configured || tts.redis.connected;
  };
  await waitFor(ready, "API", p.child, p.output);
  return { ...p, port, url };
}

export interface RunningApp extends RunningProcess {
  apiUrl: string;
  voiceUrl: string;
}

/**
 * The whole app as `npm start` runs it (scripts/start.mjs: web server, API, local voice server with its control
 * interface) on free ports. It builds the web app first when the build is missing or stale (NEXT_DIST_DIR picks
 * the build directory), which can take a couple of minutes. Resolves once it has said it is ready (warm).
 */
export async function startApp(env: Record<string, string | undefined> = {}): Promise<RunningApp> {
  const [port, apiPort, voicePort] = [await freePort(), await freePort(), await freePort()];
  const p = launch(process.execPath, ["scripts/start.mjs"], {
    PORT: String(port),
    API_PORT: String(apiPort),
    LOCAL_VOICE_PORT: String(voicePort),
    HOST: "127.0.0.1",
    INWORLD_API_KEY: "",
    LOCAL_VOICE_CONTROL: "1",
    LOG_LEVEL: "warn",
    ...env,
  });
  const url = `http://127.0.0.1:${port}`;
  const [apiUrl, voiceUrl] = [`http://127.0.0.1:${apiPort}`, `http://127.0.0.1:${voicePort}`];
  // npm start says "ready" once all three are up and warm (scripts/start.mjs); a log line can scroll out of the
  // kept output on a long build, so the three answering is proof enough after it.
  let ready = false;
  p.child.stdout?.on("data", (b: Buffer) => (ready ||= b.toString().includes("[start] ready")));
  await waitFor(async () => ready || p.output().includes("[start] ready"), "npm start", p.child, p.output, 300_000);
  await waitFor(() => httpOk(`${url}/`), "npm start's web app", p.child, p.output);
  await waitFor(() => httpOk(`${apiUrl}/health`), "npm start's API", p.child, p.output);
  await waitFor(() => httpOk(`${voiceUrl}/health`), "npm start's local voice server", p.child, p.output);
  return { ...p, port, url, apiUrl, voiceUrl };
}
