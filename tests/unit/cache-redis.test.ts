import { describe, expect, it } from "vitest";
import { createCacheStats, createRedis } from "@/server/cache/redis";

describe("createCacheStats", () => {
  it("starts at zero with a 0.0% hit rate", () => {
    expect(createCacheStats().snapshot()).toEqual({ hits: 0, misses: 0, errors: 0, hitRate: "0.0%" });
  });

  it("reports the hit rate over hits and misses with one decimal, as /health shows it", () => {
    const stats = createCacheStats();
    for (let i = 0; i < 41; i += 1) stats.hit();
    for (let i = 0; i < 7; i += 1) stats.miss();
    stats.error();
    expect(stats.snapshot()).toEqual({ hits: 41, misses: 7, errors: 1, hitRate: "85.4%" });
  });
});

describe("createRedis", () => {
  it.each([
    ["url", "http://127.0.0.1:6379", {}],
    ["url", "", {}],
    ["commandTimeoutMs", "redis://127.0.0.1:1", { commandTimeoutMs: 0 }],
    ["commandTimeoutMs", "redis://127.0.0.1:1", { commandTimeoutMs: Number.NaN }],
  ])("rejects a bad %s with a TypeError naming it, before connecting", (name, url, options) => {
    expect(() => createRedis(url, options)).toThrow(TypeError);
    expect(() => createRedis(url, options)).toThrow(name);
  });
});
