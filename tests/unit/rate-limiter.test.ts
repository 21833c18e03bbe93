import { afterEach, describe, expect, it, vi } from "vitest";
import { createRateLimiter } from "@/server/limits/rate-limiter";

afterEach(() => {
  vi.useRealTimers();
});

describe("createRateLimiter (memory)", () => {
  it.each([
    ["limit", { limit: 0, windowMs: 1000, keyPrefix: "t" }],
    ["limit", { limit: 2.5, windowMs: 1000, keyPrefix: "t" }],
    ["windowMs", { limit: 10, windowMs: -1, keyPrefix: "t" }],
    ["windowMs", { limit: 10, windowMs: Number.NaN, keyPrefix: "t" }],
    ["windowMs", { limit: 10, windowMs: 1500, keyPrefix: "t" }],
    ["keyPrefix", { limit: 10, windowMs: 1000, keyPrefix: "" }],
  ])("rejects a bad %s with a TypeError naming it", (name, options) => {
    expect(() => createRateLimiter(options)).toThrow(TypeError);
    expect(() => createRateLimiter(options)).toThrow(name);
  });

  it("allows `limit` hits in a window and counts down remaining", async () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, keyPrefix: "t" });
    const remaining = [];
    for (let i = 0; i < 3; i++) remaining.push((await limiter.hit("ip")).remaining);
    expect(remaining).toEqual([2, 1, 0]);
    expect(await limiter.hit("ip")).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 60 });
  });

  it("reports Retry-After as the time until the client's window closes, and lets it back in then", async () => {
    vi.useFakeTimers({ now: 0 });
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, keyPrefix: "t" });
    await limiter.hit("ip");
    vi.setSystemTime(20_000);
    await limiter.hit("ip");
    vi.setSystemTime(45_500);
    expect((await limiter.hit("ip")).retryAfterSeconds).toBe(15);
    vi.setSystemTime(59_999);
    expect((await limiter.hit("ip")).retryAfterSeconds).toBe(1);
    vi.setSystemTime(60_000);
    expect(await limiter.hit("ip")).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 0 });
  });

  it("does not lengthen the window for refused hits, so a client that keeps trying gets back in", async () => {
    vi.useFakeTimers({ now: 0 });
    const limiter = createRateLimiter({ limit: 1, windowMs: 1_000, keyPrefix: "t" });
    await limiter.hit("ip");
    for (let t = 100; t < 1_000; t += 100) {
      vi.setSystemTime(t);
      expect((await limiter.hit("ip")).allowed).toBe(false);
    }
    vi.setSystemTime(1_000);
    expect((await limiter.hit("ip")).allowed).toBe(true);
  });

  it("keeps keys independent", async () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, keyPrefix: "t" });
    expect((await limiter.hit("1.1.1.1")).allowed).toBe(true);
    expect((await limiter.hit("2.2.2.2")).allowed).toBe(true);
    expect((await limiter.hit("1.1.1.1")).allowed).toBe(false);
  });
});
