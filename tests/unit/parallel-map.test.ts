import { describe, expect, it, vi } from "vitest";
import { parallelMap } from "@/server/modules/tts/parallel-map";
import { InworldHttpError, InworldRateLimitError } from "@/server/inworld/errors";
import { retryRateLimited } from "@/server/inworld/rate-limit-retry";

const fast = { delaysMs: [5, 10, 20], jitterRatio: 0 };
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("parallelMap", () => {
  it("returns results in input order when later items finish first", async () => {
    // Each item finishes when the test says so, last first: no timers, so no machine load can reorder them.
    const gates = Array.from({ length: 5 }, () => {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      return { promise, resolve };
    });
    const finished: number[] = [];
    const run = parallelMap(
      gates,
      async (gate, index) => {
        await gate.promise;
        finished.push(index);
        return `chunk-${index}`;
      },
      { concurrency: 5 },
    );
    for (const index of [4, 3, 2, 1, 0]) {
      gates[index].resolve();
      await expect.poll(() => finished.length).toBe(5 - index);
    }
    expect(await run).toEqual(["chunk-0", "chunk-1", "chunk-2", "chunk-3", "chunk-4"]);
    expect(finished).toEqual([4, 3, 2, 1, 0]);
  });

  it("starts items in input order, so the earliest unfinished one is always in flight", async () => {
    // Later items finish first here; whatever the order of finishing, the next start is the lowest index not begun.
    const gates = Array.from({ length: 9 }, () => {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      return { promise, resolve };
    });
    const started: number[] = [];
    const done = new Set<number>();
    const inFlight = () => started.filter((i) => !done.has(i));
    const run = parallelMap(
      gates,
      async (gate, index) => {
        started.push(index);
        await gate.promise;
        done.add(index);
      },
      { concurrency: 3 },
    );
    for (const index of [2, 1, 4, 0, 3, 6, 5, 8, 7]) {
      const earliestUnfinished = gates.findIndex((_, i) => !done.has(i));
      expect(inFlight()).toContain(earliestUnfinished);
      gates[index].resolve();
      await expect.poll(() => done.has(index)).toBe(true);
    }
    await run;
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("never has more than `concurrency` tasks in flight", async () => {
    let inFlight = 0;
    let peak = 0;
    await parallelMap(
      Array.from({ length: 10 }, (_, i) => i),
      async (i) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await wait(5 + (i % 3) * 5);
        inFlight--;
        return i;
      },
      { concurrency: 3 },
    );
    expect(peak).toBe(3);
  });

  it("fails the whole map when a chunk exhausts its 429 retries, and aborts the in-flight siblings", async () => {
    const aborted: number[] = [];
    let calls = 0;
    const run = parallelMap(
      [0, 1, 2],
      (item, index, signal) =>
        retryRateLimited(
          () =>
            new Promise<string>((resolve, reject) => {
              if (index === 0) {
                calls++;
                return reject(new InworldRateLimitError(undefined));
              }
              // The siblings would take a long time; they must be cancelled, not awaited.
              const timer = setTimeout(() => resolve("late"), 10_000);
              signal.addEventListener("abort", () => {
                clearTimeout(timer);
                aborted.push(index);
                reject(signal.reason);
              });
            }),
          { policy: fast, signal },
        ),
      { concurrency: 3 },
    );
    await expect(run).rejects.toBeInstanceOf(InworldRateLimitError);
    expect(calls).toBe(4);
    expect(aborted.sort()).toEqual([1, 2]);
  });

  it("starts no further items after a failure", async () => {
    const started: number[] = [];
    const run = parallelMap(
      [0, 1, 2, 3, 4],
      async (index) => {
        started.push(index);
        if (index === 0) throw new InworldHttpError(500, 13, "boom");
        await wait(20);
        return index;
      },
      { concurrency: 2 },
    );
    await expect(run).rejects.toMatchObject({ status: 500 });
    expect(started).toEqual([0, 1]);
  });

  it("rejects with the caller's reason when the caller aborts, even from a task's wait in backoff", async () => {
    const controller = new AbortController();
    const reason = new Error("client went away");
    const retries: Array<{ attempt: number; delayMs: number }> = [];
    const run = parallelMap(
      ["x"],
      (_, __, signal) =>
        retryRateLimited(
          async () => {
            throw new InworldRateLimitError(60_000);
          },
          { policy: fast, signal, onRetry: (r) => retries.push(r) },
        ),
      { concurrency: 1, signal: controller.signal },
    );
    // In a minute's backoff (the Retry-After), far past the test's timeout, when the caller aborts.
    await vi.waitFor(() => expect(retries).toEqual([{ attempt: 1, delayMs: 60_000 }]));
    controller.abort(reason);
    await expect(run).rejects.toBe(reason);
  });

  it("rejects bad arguments up front", async () => {
    for (const concurrency of [0, -1, 1.5, Number.NaN]) {
      await expect(parallelMap([1], async (x) => x, { concurrency })).rejects.toThrow(/concurrency/);
    }
  });

  it("returns an empty list for no items without calling anything", async () => {
    const task = vi.fn();
    expect(await parallelMap([], task, { concurrency: 3 })).toEqual([]);
    expect(task).not.toHaveBeenCalled();
  });
});
