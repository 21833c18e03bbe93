// npm start's supervisor (scripts/supervise.mjs): a child that dies is started again after a growing backoff and
// logged; a stopped child stays stopped.
import { describe, expect, it } from "vitest";
import { BACKOFF_MS, supervise } from "@/scripts/supervise.mjs";

/** Supervises `node -e script`, its exits logged into `lines`; `onStart` hears each start. */
function superviseScript(name: string, script: string, onStart: () => void) {
  const lines: string[] = [];
  const log = { error: (line: string) => lines.push(line) };
  const service = supervise({ name, command: process.execPath, args: ["-e", script], options: { stdio: "ignore" }, log, onStart });
  return { service, lines };
}

describe("supervise", () => {
  it("restarts a child that exits, after 0.5 s then 1 s, logging each exit, until stopped", async () => {
    const starts: number[] = [];
    const { service, lines } = superviseScript("flaky", "process.exit(3)", () => starts.push(Date.now()));
    await expect.poll(() => starts.length, { timeout: 10_000 }).toBe(3);
    await service.stop();
    expect(service.restarts).toBe(2);
    expect(lines[0]).toMatch(/^\[start\] flaky exited \(code 3\); restarting in 0\.5 s \(restart 1\)/);
    expect(lines[1]).toMatch(/restarting in 1 s \(restart 2\)/);
    // The waits between starts are the backoff (plus the time a child takes to start and exit).
    expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(BACKOFF_MS[0]);
    expect(starts[2] - starts[1]).toBeGreaterThanOrEqual(BACKOFF_MS[1]);
  });

  it("stops a running child and never starts it again", async () => {
    let starts = 0;
    const { service, lines } = superviseScript("steady", "setInterval(() => {}, 1000)", () => starts++);
    const child = service.child;
    await service.stop();
    expect(child.exitCode !== null || child.signalCode !== null).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, BACKOFF_MS[0] + 200));
    expect(starts).toBe(1);
    expect(lines).toEqual([]);
  });
});
