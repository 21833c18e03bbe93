// The "Redis first, memory when Redis fails" store behind the article store, the reader library and positions:
// without Redis, or with one that fails, memory answers and the failure is counted; memory is bounded in bytes.
import { describe, expect, it } from "vitest";
import type { Redis } from "@/server/cache/redis";
import { createCacheStats } from "@/server/cache/redis";
import { createTieredStore, jsonBytes } from "@/server/cache/tiered-store";
import { createLogger } from "@/server/logger";

const logger = createLogger("test:tiered");
const memory = (maxBytes: number, maxEntryBytes = maxBytes) => ({ maxBytes, maxEntryBytes, sizeOf: (value: string) => 2 * value.length });

describe("createTieredStore", () => {
  it.each([
    [{ maxBytes: 0, maxEntryBytes: 1 }, "maxBytes"],
    [{ maxBytes: 10, maxEntryBytes: 11 }, "maxEntryBytes"],
  ])("refuses %o naming %s", (bounds, name) => {
    expect(() => createTieredStore<string>({ stats: createCacheStats(), name: "t", logger, memory: { ...bounds, sizeOf: () => 1 } })).toThrow(name);
  });

  it("holds at most its bytes, dropping the least recently used", () => {
    const store = createTieredStore<string>({ stats: createCacheStats(), name: "t", logger, memory: memory(100) });
    for (const key of ["a", "b", "c"]) store.remember(key, "x".repeat(20));
    expect(store.memoryBytes()).toBe(80);
    expect(store.recall("a")).toBeUndefined();
    expect(store.recall("c")).toBe("x".repeat(20));
  });

  it("keeps no value over the per-entry cap, not even an older copy", () => {
    const store = createTieredStore<string>({ stats: createCacheStats(), name: "t", logger, memory: memory(1000, 50) });
    store.remember("k", "small");
    store.remember("k", "y".repeat(30));
    expect(store.recall("k")).toBeUndefined();
  });

  it("answers from the fallback and counts an error when Redis fails or is not ready", async () => {
    const stats = createCacheStats();
    const failing = { status: "ready", get: () => Promise.reject(new Error("boom")) } as unknown as Redis;
    const store = createTieredStore<string>({ redis: failing, stats, name: "t", logger, memory: memory(100) });
    expect(
      await store.viaRedis(
        "read",
        (r) => r.get("k"),
        () => "from memory",
      ),
    ).toBe("from memory");
    const down = createTieredStore<string>({ redis: { status: "reconnecting" } as unknown as Redis, stats, name: "t", logger, memory: memory(100) });
    expect(
      await down.viaRedis(
        "read",
        () => Promise.resolve("never"),
        () => "from memory",
      ),
    ).toBe("from memory");
    expect(stats.snapshot().errors).toBe(2);
  });

  it("sizes JSON values at two bytes a character at least", () => {
    expect(jsonBytes({ title: "x".repeat(100) })).toBeGreaterThanOrEqual(2 * JSON.stringify({ title: "x".repeat(100) }).length);
  });
});
