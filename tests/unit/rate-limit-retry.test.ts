import { describe, expect, it, vi } from "vitest";
import { InworldHttpError, InworldRateLimitError } from "@/server/inworld/errors";
import { DEFAULT_RETRY, retryRateLimited } from "@/server/inworld/rate-limit-retry";

const fast = { delaysMs: [5, 10, 20], jitterRatio: 0 };

describe("retryRateLimited", () => {
  it("retries a 429 and succeeds when a later attempt does", async () => {
    let attempts = 0;
    const retries: Array<{ attempt: number; delayMs: number }> = [];
    const result = await retryRateLimited(
      async () => {
        attempts++;
        if (attempts <= 2) throw new InworldRateLimitError(undefined);
        return "B";
      },
      { policy: fast, onRetry: (r) => retries.push(r) },
    );
    expect(result).toBe("B");
    expect(attempts).toBe(3);
    expect(retries).toEqual([
      { attempt: 1, delayMs: 5 },
      { attempt: 2, delayMs: 10 },
    ]);
  });

  it("backs off 1 s, 2 s, 4 s by default, with jitter on top, then gives up with the 429", async () => {
    expect(DEFAULT_RETRY.delaysMs).toEqual([1000, 2000, 4000]);
    const delays: number[] = [];
    let calls = 0;
    await expect(
      retryRateLimited(
        async () => {
          calls++;
          throw new InworldRateLimitError(undefined);
        },
        { policy: { delaysMs: [1, 2, 4], jitterRatio: 0.5 }, random: () => 1, onRetry: (r) => delays.push(r.delayMs) },
      ),
    ).rejects.toBeInstanceOf(InworldRateLimitError);
    expect(delays).toEqual([1.5, 3, 6]);
    expect(calls).toBe(4);
  });

  it("honours Retry-After over its own backoff", async () => {
    const delays: number[] = [];
    let calls = 0;
    await retryRateLimited(
      async () => {
        if (calls++ === 0) throw new InworldRateLimitError(7);
        return "ok";
      },
      { policy: fast, onRetry: (r) => delays.push(r.delayMs) },
    );
    expect(delays).toEqual([7]);
  });

  it("does not retry other errors", async () => {
    let calls = 0;
    await expect(
      retryRateLimited(
        async () => {
          calls++;
          throw new InworldHttpError(500, 13, "boom");
        },
        { policy: fast },
      ),
    ).rejects.toMatchObject({ status: 500 });
    expect(calls).toBe(1);
  });

  it("stops waiting in backoff at once when its signal aborts", async () => {
    const controller = new AbortController();
    const retries: Array<{ attempt: number; delayMs: number }> = [];
    const run = retryRateLimited(
      async () => {
        throw new InworldRateLimitError(60_000);
      },
      { policy: fast, signal: controller.signal, onRetry: (r) => retries.push(r) },
    );
    // In a minute's backoff (the Retry-After), far past the test's timeout, when the signal aborts.
    await vi.waitFor(() => expect(retries).toEqual([{ attempt: 1, delayMs: 60_000 }]));
    controller.abort(new Error("gone"));
    await expect(run).rejects.toThrow();
  });
});
