import { defineConfig } from "@playwright/test";
import baseConfig, { chromiumLaunchOptions } from "../../playwright.config";

// `npx playwright test -c tests/bench/playwright.bench.config.ts`: the highlighting benchmark, in the same
// Chromium against the same `npm start` app as the e2e tests. Prints a markdown table.
export default defineConfig({
  ...baseConfig,
  testDir: ".",
  // Only the browser benchmarks: the server ones start their processes at import and belong to Bun.
  testMatch: /(highlight|listening)\.bench\.ts$/,
  timeout: 180_000,
  reporter: [["list"]],
  use: { ...baseConfig.use, trace: "off", screenshot: "off", launchOptions: chromiumLaunchOptions, viewport: { width: 1280, height: 860 } },
  projects: [{ name: "chromium" }],
});
