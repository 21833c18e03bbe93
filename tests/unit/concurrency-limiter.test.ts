import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/server/errors";
import { createConcurrencyLimiter, type Release } from "@/server/limits/concurrency-limiter";
import { captureLogger } from "../support/capture-logger";

const make = (overrides: Partial<Parameters<typeof createConcurrencyLimiter>[0]> = {}) => {
  const logs = captureLogger("tts:concurrency");
  const limiter = createConcurrencyLimiter({ maxConcurrent: 2, maxPerUser: 2, slotTimeoutMs: 1_000, logger: logs.logger, ...overrides });
  return { limiter, logs };
};

// Lets queued promise callbacks run without advancing time.
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

const track = <T>(promise: Promise<T>) => {
  const state: { value?: T; error?: unknown; done: boolean } = { done: false };
  promise.then(
    (value) => Object.assign(state, { value, done: true }),
    (error) => Object.assign(state, { error, done: true }),
  );
  return state;
};

afterEach(() => {
  vi.useRealTimers();
});

describe("createConcurrencyLimiter", () => {
  it.each([
    ["maxConcurrent", { maxConcurrent: 0 }],
    ["maxConcurrent", { maxConcurrent: 1.5 }],
    ["maxConcurrent", { maxConcurrent: Number.NaN }],
    ["maxPerUser", { maxPerUser: -1 }],
    ["maxPerUser", { maxPerUser: "2" as unknown as number }],
    ["slotTimeoutMs", { slotTimeoutMs: -5 }],
    ["slotTimeoutMs", { slotTimeoutMs: Number.POSITIVE_INFINITY }],
    ["maxQueued", { maxQueued: -1 }],
    ["maxQueued", { maxQueued: 2.5 }],
  ])("rejects a bad %s with a TypeError naming it (%o)", (name, overrides) => {
    expect(() => make(overrides)).toThrow(TypeError);
    expect(() => make(overrides)).toThrow(name);
  });

  it("rejects an empty user key with a TypeError naming userKey", async () => {
    const { limiter } = make();
    await expect(limiter.acquire("")).rejects.toThrow(/userKey/);
    expect(limiter.stats().activeSlots).toBe(0);
  });

  it("grants slots at once while fewer than maxConcurrent are held", async () => {
    const { limiter, logs } = make();
    await limiter.acquire("a");
    await limiter.acquire("b");
    expect(limiter.stats()).toMatchObject({ activeSlots: 2, queuedRequests: 0, totalAcquired: 2 });
    expect(logs.events("TTS request queued")).toHaveLength(0);
  });

  it("queues past the global limit and grants waiters in FIFO order", async () => {
    const { limiter, logs } = make({ maxConcurrent: 1 });
    const first = await limiter.acquire("u0");
    const order: string[] = [];
    const waiting = ["u1", "u2", "u3"].map((user) =>
      limiter.acquire(user).then((release) => {
        order.push(user);
        return release;
      }),
    );
    await settle();
    expect(limiter.stats()).toMatchObject({ activeSlots: 1, queuedRequests: 3 });
    expect(logs.events("TTS request queued")).toHaveLength(3);

    first();
    (await waiting[0])();
    (await waiting[1])();
    (await waiting[2])();
    expect(order).toEqual(["u1", "u2", "u3"]);
    expect(limiter.stats()).toMatchObject({ activeSlots: 0, queuedRequests: 0, totalAcquired: 4 });
  });

  it("refuses a waiter beyond maxQueued at once with 503 TTS_BUSY, and queues again once there is room", async () => {
    const { limiter, logs } = make({ maxConcurrent: 1, maxPerUser: 1, maxQueued: 2 });
    const held = await limiter.acquire("u0");
    const waiting = [track(limiter.acquire("u1")), track(limiter.acquire("u2"))];
    const error = await limiter.acquire("u3").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 503, code: "TTS_BUSY" });
    expect(limiter.stats()).toMatchObject({ activeSlots: 1, queuedRequests: 2, totalRejected: 1, perUserBreakdown: { u0: 1, u1: 1, u2: 1 } });
    expect(logs.events("TTS queue full")).toHaveLength(1);

    held();
    await settle();
    expect(waiting[0].done).toBe(true);
    const later = track(limiter.acquire("u3"));
    await settle();
    expect(later.done).toBe(false);
    expect(limiter.stats()).toMatchObject({ queuedRequests: 2 });
  });

  it("bounds the queue at four rounds of every slot by default, whatever the number of users", async () => {
    const { limiter } = make({ maxConcurrent: 2, maxPerUser: 1 });
    for (let i = 0; i < 2; i++) await limiter.acquire(`holder-${i}`);
    const outcomes = Array.from({ length: 20 }, (_, i) => track(limiter.acquire(`ip-${i}`)));
    await settle();
    expect(limiter.stats().queuedRequests).toBe(8);
    expect(outcomes.filter((o) => (o.error as AppError | undefined)?.code === "TTS_BUSY")).toHaveLength(12);
  });

  it("rejects a user at their limit at once with 429 USER_BUSY, counting queued requests", async () => {
    const { limiter } = make({ maxConcurrent: 1, maxPerUser: 2 });
    await limiter.acquire("alice");
    void limiter.acquire("alice").catch(() => {});
    await settle();
    const error = await limiter.acquire("alice").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 429, code: "USER_BUSY" });
    expect(limiter.stats()).toMatchObject({ totalRejected: 1, perUserBreakdown: { alice: 2 } });
  });

  it("lets another user in while one user is at their limit", async () => {
    const { limiter } = make({ maxConcurrent: 5, maxPerUser: 1 });
    await limiter.acquire("alice");
    await expect(limiter.acquire("alice")).rejects.toMatchObject({ code: "USER_BUSY" });
    await expect(limiter.acquire("bob")).resolves.toBeTypeOf("function");
  });

  it("times a waiter out after slotTimeoutMs with 503 TTS_BUSY and frees its place", async () => {
    vi.useFakeTimers();
    const { limiter } = make({ maxConcurrent: 1, slotTimeoutMs: 15_000 });
    const held = await limiter.acquire("a");
    const waiting = track(limiter.acquire("b"));
    await vi.advanceTimersByTimeAsync(14_999);
    expect(waiting.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(waiting.error).toMatchObject({ status: 503, code: "TTS_BUSY" });
    expect(limiter.stats()).toMatchObject({ activeSlots: 1, queuedRequests: 0, totalTimedOut: 1, perUserBreakdown: { a: 1 } });
    held();
    expect(limiter.stats()).toMatchObject({ activeSlots: 0, perUserBreakdown: {} });
  });

  it("does not time out a waiter that got its slot in time", async () => {
    vi.useFakeTimers();
    const { limiter } = make({ maxConcurrent: 1, slotTimeoutMs: 1_000 });
    const held = await limiter.acquire("a");
    const waiting = track(limiter.acquire("b"));
    await vi.advanceTimersByTimeAsync(500);
    held();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(waiting.value).toBeTypeOf("function");
    expect(limiter.stats()).toMatchObject({ activeSlots: 1, totalTimedOut: 0 });
  });

  it("removes a waiter whose signal aborts and rejects with the signal's reason", async () => {
    const { limiter } = make({ maxConcurrent: 1 });
    const held = await limiter.acquire("a");
    const controller = new AbortController();
    const waiting = track(limiter.acquire("b", controller.signal));
    const next = limiter.acquire("c");
    await settle();
    const reason = new Error("client went away");
    controller.abort(reason);
    await settle();
    expect(waiting.error).toBe(reason);
    expect(limiter.stats()).toMatchObject({ queuedRequests: 1, perUserBreakdown: { a: 1, c: 1 } });
    held();
    (await next)();
    expect(limiter.stats()).toMatchObject({ activeSlots: 0, queuedRequests: 0, perUserBreakdown: {} });
  });

  it("rejects an already-aborted signal without taking a slot", async () => {
    const { limiter } = make();
    const reason = new Error("gone");
    await expect(limiter.acquire("a", AbortSignal.abort(reason))).rejects.toBe(reason);
    expect(limiter.stats()).toMatchObject({ activeSlots: 0, totalAcquired: 0, perUserBreakdown: {} });
  });

  it("frees a held slot when the holder's signal aborts, and hands it to the next waiter", async () => {
    const { limiter } = make({ maxConcurrent: 1 });
    const controller = new AbortController();
    const release = await limiter.acquire("a", controller.signal);
    const next = limiter.acquire("b");
    controller.abort();
    const nextRelease = await next;
    expect(limiter.stats()).toMatchObject({ activeSlots: 1, perUserBreakdown: { b: 1 } });
    release();
    expect(limiter.stats()).toMatchObject({ activeSlots: 1, perUserBreakdown: { b: 1 } });
    nextRelease();
    expect(limiter.stats().activeSlots).toBe(0);
  });

  it("treats a second release as a no-op", async () => {
    const { limiter } = make({ maxConcurrent: 2 });
    const a = await limiter.acquire("a");
    await limiter.acquire("b");
    a();
    a();
    expect(limiter.stats()).toMatchObject({ activeSlots: 1, perUserBreakdown: { b: 1 } });
  });

  it("records the peak of holders plus waiters", async () => {
    const { limiter } = make({ maxConcurrent: 1, maxPerUser: 5 });
    const held = await limiter.acquire("a");
    const waiting = [limiter.acquire("a"), limiter.acquire("a")];
    await settle();
    held();
    for (const w of waiting) (await w)();
    expect(limiter.stats()).toMatchObject({ peakConcurrent: 3, activeSlots: 0 });
  });

  it("returns to zero active and queued after a random mix of outcomes (invariant 8)", async () => {
    const { limiter } = make({ maxConcurrent: 3, maxPerUser: 2, slotTimeoutMs: 30 });
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const work = Array.from({ length: 120 }, async (_, i) => {
      const controller = new AbortController();
      const user = `user${Math.floor(random() * 10)}`;
      const roll = random();
      if (roll < 0.15) setTimeout(() => controller.abort(new Error("disconnect")), random() * 40);
      let release: Release | undefined;
      try {
        await new Promise((r) => setTimeout(r, random() * 40));
        release = await limiter.acquire(user, controller.signal);
        await new Promise((r) => setTimeout(r, random() * 20));
        if (roll > 0.8) throw new Error(`work ${i} failed`);
      } catch {
        // failures, timeouts, rejections and disconnects are all part of the mix
      } finally {
        if (roll < 0.9) release?.();
      }
      // ~10% never call release themselves: their slot must come back through their aborted signal
      if (roll >= 0.9) controller.abort();
    });
    await Promise.all(work);
    const stats = limiter.stats();
    expect(stats).toMatchObject({ activeSlots: 0, queuedRequests: 0, perUserBreakdown: {} });
    expect(stats.totalAcquired).toBeGreaterThan(0);
    expect(stats.totalAcquired + stats.totalRejected + stats.totalTimedOut).toBeLessThanOrEqual(120);
  });
});
