import { fileURLToPath } from "node:url";
import { defineConfig, devices } from "@playwright/test";
import { SPEECH_LIMIT } from "./tests/e2e/app-limits";
import { API_PORT, VOICE_PORT, WEB_PORT, WEB_URL } from "./tests/e2e/ports";

// Debian's Chromium, never a downloaded browser. Autoplay is allowed so a slow audio request cannot lose the
// user activation; every test still starts playback with a real click or key press.
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--autoplay-policy=no-user-gesture-required",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "*.spec.ts",
  // The tests share one app and one local voice server whose faults they steer: run them one at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: WEB_URL,
    launchOptions: chromiumLaunchOptions,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  projects: [
    // The mobile room is a small-screen behaviour; the quota, a crash of the voice process (the servers' side) and an
    // article in parts (the session's logic, the same on both, and a long stream) run once, on desktop.
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 860 } }, testIgnore: "mobile.spec.ts" },
    { name: "mobile", use: { ...devices["Pixel 7"] }, testIgnore: ["quota.spec.ts", "voice-crash.spec.ts", "long-article.spec.ts"] },
  ],
  webServer: {
    // Exactly what `npm start` runs (it builds first when the sources changed; allow for that).
    command: "node scripts/start.mjs",
    cwd: fileURLToPath(new URL(".", import.meta.url)),
    url: `${WEB_URL}/`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      PORT: String(WEB_PORT),
      API_PORT: String(API_PORT),
      LOCAL_VOICE_PORT: String(VOICE_PORT),
      LOCAL_VOICE_CONTROL: "1",
      INWORLD_API_KEY: "",
      // One browser replays the same articles many times a minute from one IP.
      TTS_RATE_LIMIT_PER_MIN: "1000",
      TTS_DAILY_FREE_LIMIT: "1000",
      // Imports reach the spec's own site on 127.0.0.1, as often as the tests need.
      IMPORT_ALLOW_PRIVATE: "1",
      IMPORT_RATE_LIMIT_PER_MIN: "1000",
      LOG_LEVEL: "warn",
      // An article in parts without streaming 100,000 characters: the page splits at the API's limit, whatever it is.
      TTS_MAX_TEXT_CHARS: String(SPEECH_LIMIT),
    },
  },
});
