import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { API_PORT, VOICE_PORT, WEB_PORT } from "./ports";

// The main web server (playwright.config.ts) lifts the daily free limit so the reader tests can replay at
// will; the quota tests need the real one. This is a second `npm start` with the real limit (3) on ports next
// to the main ones, started only by the tests that ask for it. It reuses the build the main server made.
const OFFSET = 10;
export const QUOTA_WEB_URL = `http://127.0.0.1:${WEB_PORT + OFFSET}`;

async function waitForUp(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`quota app exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`quota app did not answer at ${url} within ${timeoutMs} ms`);
}

export async function startQuotaApp(): Promise<() => Promise<void>> {
  const child = spawn("node", ["scripts/start.mjs"], {
    cwd: fileURLToPath(new URL("../..", import.meta.url)),
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PORT: String(WEB_PORT + OFFSET),
      API_PORT: String(API_PORT + OFFSET),
      LOCAL_VOICE_PORT: String(VOICE_PORT + OFFSET),
      INWORLD_API_KEY: "",
      TTS_RATE_LIMIT_PER_MIN: "1000",
      TTS_DAILY_FREE_LIMIT: "3",
      LOG_LEVEL: "warn",
    },
  });
  await waitForUp(`${QUOTA_WEB_URL}/`, child, 120_000);
  return async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  };
}
