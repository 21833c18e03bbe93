// How the API process starts, or refuses to: the real `bun server/index.ts`.
import { spawnSync } from "node:child_process";
import { networkInterfaces } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { bunBin, freePort, repoRoot, startApi, type RunningProcess } from "../support/processes";

/** Runs the API to its exit, which a refused start reaches at once. */
function runApi(env: Record<string, string>) {
  const run = spawnSync(bunBin, ["server/index.ts"], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    encoding: "utf8",
    timeout: 20_000,
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

const running: RunningProcess[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.stop()));
});

describe("API startup", () => {
  it("reports DEMO_AUTH without a secret and a bad TRUST_PROXY together, without a stack trace", async () => {
    const { status, output } = runApi({ API_PORT: String(await freePort()), DEMO_AUTH: "1", AUTH_SECRET: "", TRUST_PROXY: "loopback,nonsense" });
    expect(status).toBe(1);
    expect(output).toMatch(/Invalid environment/);
    expect(output).toMatch(/AUTH_SECRET: is required when DEMO_AUTH is on/);
    expect(output).toMatch(/TRUST_PROXY: .*"nonsense"/);
    expect(output).not.toMatch(/^\s+at /m);
  });

  it("refuses to start on a port another API already holds, and leaves that one serving", async () => {
    const first = await startApi({ REDIS_URL: "" });
    running.push(first);
    const { status, output } = runApi({ API_PORT: String(first.port), REDIS_URL: "" });
    expect(status).toBe(1);
    expect(output).toMatch(new RegExp(`Cannot listen on 127\\.0\\.0\\.1:${first.port}`));
    for (let i = 0; i < 10; i++) expect((await fetch(`${first.url}/health`)).status).toBe(200);
  });

  it("listens on loopback only unless API_HOST says otherwise", async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && !i.internal && i.family === "IPv4")?.address;
    const reachable = (port: number) =>
      fetch(`http://${external}:${port}/health`, { signal: AbortSignal.timeout(2_000) }).then(
        (r) => r.ok,
        () => false,
      );
    const loopback = await startApi({ REDIS_URL: "" });
    running.push(loopback);
    expect(await reachable(loopback.port)).toBe(false);
    const everywhere = await startApi({ REDIS_URL: "", API_HOST: "0.0.0.0" });
    running.push(everywhere);
    expect(await reachable(everywhere.port)).toBe(true);
  });
});
