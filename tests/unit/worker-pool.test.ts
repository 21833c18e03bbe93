// The worker pool of extraction and the local voice (docs/architecture.md invariant 16): bounded, fair between
// clients, deadlines from arrival, work of a departed client dropped, a worker ended at a job's deadline.
import { afterEach, describe, expect, it } from "vitest";
import { createWorkerPool, JobDeadline, PoolBusy, WorkerJobError, type WorkerPool, type WorkerPoolOptions } from "@/server/workers/worker-pool";

interface Job {
  ms?: number;
  value?: string;
  fail?: string;
}

const workerUrl = new URL("../support/busy-worker.mjs", import.meta.url);
let pool: WorkerPool<Job, string> | undefined;

function makePool(options: Partial<WorkerPoolOptions> = {}) {
  pool = createWorkerPool<Job, string>({ size: 1, workerUrl, ...options });
  return pool;
}

afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe("createWorkerPool", () => {
  it.each([
    [{ size: 0 }, "size"],
    [{ size: 1.5 }, "size"],
    [{ maxQueued: 0 }, "maxQueued"],
    [{ deadlineMs: -1 }, "deadlineMs"],
    [{ perClient: { running: 0, pending: 1 } }, "perClient.running"],
    [{ perClient: { running: 2, pending: 1 } }, "perClient.pending"],
  ])("refuses %o naming %s", (options, name) => {
    expect(() => createWorkerPool({ size: 1, workerUrl, ...options })).toThrow(new RegExp(name.replace(".", "\\.")));
  });

  it("answers with the worker's value, and a worker's refusal with its code", async () => {
    const p = makePool();
    expect(await p.run({ value: "done" })).toBe("done");
    await expect(p.run({ fail: "PAGE_TOO_COMPLEX" })).rejects.toMatchObject({ name: "WorkerJobError", code: "PAGE_TOO_COMPLEX" });
    await expect(p.run({ fail: "X" })).rejects.toBeInstanceOf(WorkerJobError);
  });

  it("refuses a job beyond the queue's bound at once", async () => {
    const p = makePool({ maxQueued: 1 });
    const running = p.run({ ms: 300, value: "a" });
    const waiting = p.run({ value: "b" });
    await expect(p.run({ value: "c" })).rejects.toBeInstanceOf(PoolBusy);
    expect(await Promise.all([running, waiting])).toEqual(["a", "b"]);
  });

  it("lets no client hold more than its share, and serves clients in turn", async () => {
    const p = makePool({ perClient: { running: 1, pending: 2 } });
    const order: string[] = [];
    const track = (client: string, value: string) => p.run({ ms: 50, value }, { client }).then((v) => void order.push(v));
    const jobs = [track("a", "a1"), track("a", "a2"), track("b", "b1")];
    await expect(p.run({ value: "a3" }, { client: "a" })).rejects.toMatchObject({ reason: "client" });
    await Promise.all(jobs);
    expect(order).toEqual(["a1", "b1", "a2"]);
  });

  it("counts the deadline from arrival: a job still waiting at it fails without running", async () => {
    const p = makePool();
    const first = p.run({ ms: 400, value: "slow" });
    const started = performance.now();
    const refusal = await p.run({ value: "late" }, { deadlineMs: 100 }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(JobDeadline);
    expect((refusal as JobDeadline).running).toBe(false);
    expect(performance.now() - started).toBeLessThan(400);
    expect(await first).toBe("slow");
  });

  it("ends the worker of a job past its deadline, and the next job gets a fresh one", async () => {
    const p = makePool();
    const refusal = await p.run({ ms: 60_000 }, { deadlineMs: 200 }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ name: "JobDeadline", running: true });
    expect(await p.run({ value: "next" })).toBe("next");
  });

  it("drops a waiting job whose caller has gone, and with endAbandoned ends a running one", async () => {
    const p = makePool({ endAbandoned: true });
    const running = new AbortController();
    const waiting = new AbortController();
    const first = p.run({ ms: 60_000 }, { signal: running.signal }).catch((error: unknown) => error);
    const second = p.run({ value: "never" }, { signal: waiting.signal }).catch((error: unknown) => error);
    expect(p.queued).toBe(1);
    waiting.abort(new Error("gone"));
    expect(await second).toMatchObject({ message: "gone" });
    expect(p.queued).toBe(0);
    running.abort(new Error("gone too"));
    expect(await first).toMatchObject({ message: "gone too" });
    expect(p.running).toBe(0);
    expect(await p.run({ value: "after" })).toBe("after");
  });

  it("starts no worker before the first job when lazy", async () => {
    const p = makePool({ lazy: true });
    expect(p.running).toBe(0);
    expect(await p.run({ value: "first" })).toBe("first");
  });
});
