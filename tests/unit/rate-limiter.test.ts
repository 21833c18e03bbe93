import { describe, expect, it } from "vitest";
import { createRateLimiter } from "@/server/limits/rate-limiter";

describe("createRateLimiter", () => {
  it.each([
    ["limit", { limit: 0, windowMs: 1000 }],
    ["limit", { limit: 2.5, windowMs: 1000 }],
    ["windowMs", { limit: 10, windowMs: -1 }],
    ["windowMs", { limit: 10, windowMs: Number.NaN }],
    ["maxKeys", { limit: 10, windowMs: 1000, maxKeys: 0 }],
  ])("rejects a bad %s with a TypeError naming it", (name, options) => {
    expect(() => createRateLimiter(options)).toThrow(TypeError);
    expect(() => createRateLimiter(options)).toThrow(name);
  });

  it("allows `limit` hits in a window and counts down remaining", () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000 });
    expect([0, 1, 2].map((t) => limiter.hit("ip", t).remaining)).toEqual([2, 1, 0]);
    expect(limiter.hit("ip", 3)).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 60 });
  });

  it("reports Retry-After as the time until the oldest hit leaves the window", () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000 });
    limiter.hit("ip", 0);
    limiter.hit("ip", 20_000);
    expect(limiter.hit("ip", 45_500).retryAfterSeconds).toBe(15);
    expect(limiter.hit("ip", 59_999).retryAfterSeconds).toBe(1);
  });

  it("slides: a hit is allowed again as soon as the oldest one is a window old", () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000 });
    limiter.hit("ip", 0);
    limiter.hit("ip", 30_000);
    expect(limiter.hit("ip", 59_999).allowed).toBe(false);
    expect(limiter.hit("ip", 60_000)).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
    expect(limiter.hit("ip", 60_001).allowed).toBe(false);
    expect(limiter.hit("ip", 90_000).allowed).toBe(true);
  });

  it("does not let a burst across a fixed-window edge through (unlike a fixed window)", () => {
    const limiter = createRateLimiter({ limit: 10, windowMs: 60_000 });
    const allowed = [...Array(10).fill(59_000), ...Array(10).fill(61_000)].filter((t) => limiter.hit("ip", t).allowed);
    expect(allowed).toHaveLength(10);
  });

  it("does not count refused hits, so a client that keeps trying gets back in", () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 1_000 });
    limiter.hit("ip", 0);
    for (let t = 100; t < 1_000; t += 100) expect(limiter.hit("ip", t).allowed).toBe(false);
    expect(limiter.hit("ip", 1_000).allowed).toBe(true);
  });

  it("keeps keys independent", () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000 });
    expect(limiter.hit("1.1.1.1", 0).allowed).toBe(true);
    expect(limiter.hit("2.2.2.2", 0).allowed).toBe(true);
    expect(limiter.hit("1.1.1.1", 1).allowed).toBe(false);
  });

  it("bounds memory at maxKeys by forgetting the least recently seen key", () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 2 });
    limiter.hit("a", 0);
    limiter.hit("b", 0);
    limiter.hit("a", 1); // refused, but "a" is now the most recently seen
    limiter.hit("c", 2); // evicts "b"
    expect(limiter.hit("a", 3).allowed).toBe(false);
    expect(limiter.hit("b", 3).allowed).toBe(true);
  });
});
