// One child process of `npm start`, kept running: when it exits without being asked to, it is started again
// after a backoff that doubles with each quick death (0.5 s, 1 s, 2 s … 30 s) and falls back to the shortest
// once the child has stayed up for `stableMs`; every exit and restart is logged. The other children are not
// touched, so one crash stops only what the crashed process served.
import { spawn } from "node:child_process";

export const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 15_000, 30_000];

/**
 * `name` labels the log lines; `command`, `args` and `options` go to child_process.spawn each time it starts.
 * `onStart(child)` runs after every start (the first included), e.g. to wait until it answers again.
 * @param {{ name: string, command: string, args: string[], options: import("node:child_process").SpawnOptions,
 *   stableMs?: number, log?: { error(line: string): void }, onStart?: (child: import("node:child_process").ChildProcess) => void }} settings
 */
export function supervise({ name, command, args, options, stableMs = 30_000, log = console, onStart }) {
  let child;
  let stopping = false;
  let quickDeaths = 0;
  let restarts = 0;
  let timer;

  function start() {
    const startedAt = Date.now();
    child = spawn(command, args, options);
    child.on("error", (error) => log.error(`[start] ${name} could not start: ${error.message}`));
    child.on("exit", (code, signal) => {
      if (stopping) return;
      quickDeaths = Date.now() - startedAt >= stableMs ? 0 : quickDeaths + 1;
      const delay = BACKOFF_MS[Math.min(Math.max(quickDeaths - 1, 0), BACKOFF_MS.length - 1)];
      restarts++;
      log.error(
        `[start] ${name} exited (${signal ?? `code ${code}`}); restarting in ${delay / 1000} s (restart ${restarts}); the others keep serving`,
      );
      timer = setTimeout(start, delay);
    });
    onStart?.(child);
  }

  start();
  return {
    get child() {
      return child;
    },
    get restarts() {
      return restarts;
    },
    /** Asks the child to stop (SIGTERM, then SIGKILL after `graceMs`) and never restarts it; resolves once it has gone. */
    stop(graceMs = 3000) {
      stopping = true;
      clearTimeout(timer);
      if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        const kill = setTimeout(() => child.kill("SIGKILL"), graceMs);
        child.once("exit", () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill("SIGTERM");
      });
    },
  };
}
