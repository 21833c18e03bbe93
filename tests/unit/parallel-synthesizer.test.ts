import { describe, expect, it, vi } from "vitest";
import { InworldHttpError, InworldRateLimitError } from "@/server/inworld/errors";
import { DEFAULT_RETRY, synthesizeInParallel } from "@/server/inworld/parallel-synthesizer";

const fast = { delaysMs: [5, 10, 20], jitterRatio: 0 };
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("synthesizeInParallel", () => {
  it("returns results in text order when later chunks finish first", async () => {
    const finished: number[] = [];
    const results = await synthesizeInParallel(
      [40, 30, 20, 10, 1],
      async (ms, index) => {
        await wait(ms);
        finished.push(index);
        return `chunk-${index}`;
      },
      { concurrency: 5 },
    );
    expect(results).toEqual(["chunk-0", "chunk-1", "chunk-2", "chunk-3", "chunk-4"]);
    expect(finished).toEqual([4, 3, 2, 1, 0]);
  });

  it("never has more than `concurrency` calls in flight", async () => {
    let inFlight = 0;
    let peak = 0;
    await synthesizeInParallel(
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

  it("retries a 429 and succeeds when a later attempt does", async () => {
    const attempts = new Map<number, number>();
    const retries: Array<{ index: number; attempt: number; delayMs: number }> = [];
    const results = await synthesizeInParallel(
      ["a", "b"],
      async (item, index) => {
        const n = (attempts.get(index) ?? 0) + 1;
        attempts.set(index, n);
        if (index === 1 && n <= 2) throw new InworldRateLimitError(undefined);
        return item.toUpperCase();
      },
      { concurrency: 2, retry: fast, onRetry: (r) => retries.push(r) },
    );
    expect(results).toEqual(["A", "B"]);
    expect(attempts.get(1)).toBe(3);
    expect(retries).toEqual([
      { index: 1, attempt: 1, delayMs: 5 },
      { index: 1, attempt: 2, delayMs: 10 },
    ]);
  });

  it("backs off 1 s, 2 s, 4 s by default, with jitter on top", async () => {
    expect(DEFAULT_RETRY.delaysMs).toEqual([1000, 2000, 4000]);
    const delays: number[] = [];
    await expect(
      synthesizeInParallel(
        ["x"],
        async () => {
          throw new InworldRateLimitError(undefined);
        },
        { concurrency: 1, retry: { delaysMs: [1, 2, 4], jitterRatio: 0.5 }, random: () => 1, onRetry: (r) => delays.push(r.delayMs) },
      ),
    ).rejects.toBeInstanceOf(InworldRateLimitError);
    expect(delays).toEqual([1.5, 3, 6]);
  });

  it("honours Retry-After over its own backoff", async () => {
    const delays: number[] = [];
    let calls = 0;
    await synthesizeInParallel(
      ["x"],
      async () => {
        if (calls++ === 0) throw new InworldRateLimitError(7);
        return "ok";
      },
      { concurrency: 1, retry: fast, onRetry: (r) => delays.push(r.delayMs) },
    );
    expect(delays).toEqual([7]);
  });

  it("fails the whole request after three retries and aborts the in-flight siblings", async () => {
    const aborted: number[] = [];
    let calls = 0;
    const run = synthesizeInParallel(
      [0, 1, 2],
      (item, index, signal) =>
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
      { concurrency: 3, retry: fast },
    );
    await expect(run).rejects.toBeInstanceOf(InworldRateLimitError);
    expect(calls).toBe(4);
    expect(aborted.sort()).toEqual([1, 2]);
  });

  it("does not retry other errors and starts no further chunks after a failure", async () => {
    const started: number[] = [];
    const run = synthesizeInParallel(
      [0, 1, 2, 3, 4],
      async (index) => {
        started.push(index);
        if (index === 0) throw new InworldHttpError(500, 13, "boom");
        await wait(20);
        return index;
      },
      { concurrency: 2, retry: fast },
    );
    await expect(run).rejects.toMatchObject({ status: 500 });
    expect(started).toEqual([0, 1]);
  });

  it("stops waiting in backoff and rejects with the caller's reason when the caller aborts", async () => {
    const controller = new AbortController();
    const reason = new Error("client went away");
    const run = synthesizeInParallel(
      ["x"],
      async () => {
        throw new InworldRateLimitError(60_000);
      },
      { concurrency: 1, retry: fast, signal: controller.signal },
    );
    setTimeout(() => controller.abort(reason), 10);
    const started = Date.now();
    await expect(run).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("rejects bad arguments up front", async () => {
    for (const concurrency of [0, -1, 1.5, Number.NaN]) {
      await expect(synthesizeInParallel([1], async (x) => x, { concurrency })).rejects.toThrow(/concurrency/);
    }
  });

  it("returns an empty list for no chunks without calling anything", async () => {
    const task = vi.fn();
    expect(await synthesizeInParallel([], task, { concurrency: 3 })).toEqual([]);
    expect(task).not.toHaveBeenCalled();
  });
});
