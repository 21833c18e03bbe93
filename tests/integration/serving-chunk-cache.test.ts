// L3 + L3.5 against a real redis-server (the integration run's shared one, in a database of its own).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { chunkRedisKey, createChunkCache, type ChunkEntry } from "@/server/cache/chunk-cache";
import { createCacheStats, createRedis, type Redis } from "@/server/cache/redis";
import { captureLogger } from "../support/capture-logger";
import { callsBetween, commandCalls, ready } from "../support/redis-client";

const url = `${inject("redisUrl")}/6`;
let redis: Redis;
let admin: Redis;

const quiet = () => captureLogger("cache:chunk").logger;

function chunk(text: string, audioBytes = 4_000): ChunkEntry {
  const characters = [...text];
  return {
    audio: new Uint8Array(randomBytes(audioBytes)),
    alignment: {
      characters,
      characterStartTimesSeconds: characters.map((_, i) => i * 0.061),
      characterEndTimesSeconds: characters.map((_, i) => (i + 1) * 0.061),
    },
    durationMs: characters.length * 61 + 0.5,
  };
}

beforeAll(async () => {
  redis = createRedis(url, { logger: quiet() });
  admin = createRedis(url, { logger: quiet() });
  await Promise.all([ready(redis), ready(admin)]);
});
beforeEach(async () => {
  await redis.flushdb();
});
afterAll(() => {
  redis.disconnect();
  admin.disconnect();
});

describe("chunk cache (L3 + L3.5)", () => {
  it("after a restart returns Redis-stored chunks byte for byte and promotes them to memory", async () => {
    const entries = [chunk("Hello there. "), chunk("Ünïcødé — “quotes” 🎧.")];
    const first = createChunkCache({ redis, stats: createCacheStats(), logger: quiet() });
    await Promise.all(entries.map((e, i) => first.set(`k${i}`, e)));

    const stats = createCacheStats();
    const restarted = createChunkCache({ redis, stats, logger: quiet() });
    const fromRedis = await restarted.getMany(["k0", "k1"]);
    expect(fromRedis).toEqual(entries);
    expect(stats.snapshot()).toMatchObject({ hits: 2, misses: 0, errors: 0 });

    const before = await commandCalls(admin);
    const fromMemory = await restarted.getMany(["k0", "k1"]);
    expect(callsBetween(before, await commandCalls(admin))).toEqual({});
    expect(fromMemory).toEqual(entries);
    expect(restarted.size().entries).toBe(2);
  });

  it("looks every memory miss up in one Redis round trip and keeps the results in key order", async () => {
    const entries = Array.from({ length: 5 }, (_, i) => chunk(`Chunk number ${i}. `));
    const writer = createChunkCache({ redis, stats: createCacheStats(), logger: quiet() });
    await Promise.all(entries.map((e, i) => writer.set(`c${i}`, e)));

    const stats = createCacheStats();
    const reader = createChunkCache({ redis, stats, logger: quiet() });
    await reader.getMany(["c1", "c3"]); // now in memory
    const before = await commandCalls(admin);
    const results = await reader.getMany(["c0", "c1", "missing", "c2", "c3", "c4"]);
    expect(callsBetween(before, await commandCalls(admin))).toEqual({ mget: 1 });
    expect(results).toEqual([entries[0], entries[1], undefined, entries[2], entries[3], entries[4]]);
    expect(stats.snapshot()).toMatchObject({ hits: 2 + 3, misses: 1, errors: 0 });
  });

  it("makes no Redis call when every chunk is in memory", async () => {
    const cache = createChunkCache({ redis, stats: createCacheStats(), logger: quiet() });
    await cache.set("m", chunk("In memory."));
    const before = await commandCalls(admin);
    expect((await cache.getMany(["m"]))[0]).toBeDefined();
    expect(callsBetween(before, await commandCalls(admin))).toEqual({});
  });

  it("stores gzip under tts:chunk:{key} with a 7-day TTL", async () => {
    await createChunkCache({ redis, stats: createCacheStats(), logger: quiet() }).set("abc", chunk("Stored."));
    const stored = await redis.getBuffer("tts:chunk:abc");
    expect(stored?.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(await redis.ttl(chunkRedisKey("abc"))).toBeGreaterThan(7 * 86_400 - 10);
  });

  it("keeps a chunk over the 2 MB Redis cap in memory only", async () => {
    const cache = createChunkCache({ redis, stats: createCacheStats(), logger: quiet() });
    const big = chunk("Big.", 2.5 * 1024 * 1024); // random bytes do not compress
    await cache.set("big", big);
    expect(await redis.exists(chunkRedisKey("big"))).toBe(0);
    expect((await cache.getMany(["big"]))[0]).toBe(big);
  });

  it("bounds memory by bytes, evicting the least recently used chunk", async () => {
    const cache = createChunkCache({ stats: createCacheStats(), maxBytes: 10_000, logger: quiet() });
    await cache.set("a", chunk("a", 4_000));
    await cache.set("b", chunk("b", 4_000));
    await cache.getMany(["a"]);
    await cache.set("c", chunk("c", 4_000));
    expect(cache.size().bytes).toBeLessThanOrEqual(10_000);
    const [a, b, c] = await cache.getMany(["a", "b", "c"]);
    expect([a !== undefined, b !== undefined, c !== undefined]).toEqual([true, false, true]);
  });

  it("counts an undecodable Redis value as a miss and an error, and still returns the good ones", async () => {
    const cache = createChunkCache({ redis, stats: createCacheStats(), logger: quiet() });
    await cache.set("good", chunk("Good."));
    await redis.set(chunkRedisKey("bad"), "garbage");
    const stats = createCacheStats();
    const reader = createChunkCache({ redis, stats, logger: quiet() });
    const [good, bad] = await reader.getMany(["good", "bad"]);
    expect(good?.alignment.characters.join("")).toBe("Good.");
    expect(bad).toBeUndefined();
    expect(stats.snapshot()).toMatchObject({ hits: 1, misses: 1, errors: 1 });
  });
});
