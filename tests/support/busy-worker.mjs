// A pool worker for tests of server/workers/worker-pool.ts: holds its thread busy for `ms` (as extraction or
// synthesis would), then answers with `value`; `fail` answers a refusal with that code instead.
import { parentPort } from "node:worker_threads";

parentPort.on("message", ({ id, input }) => {
  const until = Date.now() + (input.ms ?? 0);
  while (Date.now() < until);
  if (input.fail) parentPort.postMessage({ id, ok: false, message: "refused", code: input.fail });
  else parentPort.postMessage({ id, ok: true, value: input.value });
});
