// L2 + L2.5 against a real redis-server (the integration run's shared one, in a database of its own).
import { randomBytes } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { articleRedisKey, createArticleCache, type ArticleHit } from "@/server/cache/article-cache";
import { createCacheStats, createRedis, type Redis } from "@/server/cache/redis";
import { captureLogger } from "../support/capture-logger";
import { ready } from "../support/redis-client";

const url = `${inject("redisUrl")}/5`;
let redis: Redis;

const body = (n = 2_000) => JSON.stringify({ audioBase64: randomBytes(n).toString("base64"), durationMs: n });
const quiet = () => captureLogger("cache:article").logger;
// The tiers hold a body as the Blob a hit sends; these read it back as text.
const blob = (json: string) => new Blob([json]);
const read = async (pending: Promise<ArticleHit | undefined>) => {
  const hit = await pending;
  return hit && { body: await hit.body.text(), tier: hit.tier };
};

beforeAll(async () => {
  redis = createRedis(url, { logger: quiet() });
  await ready(redis);
});
beforeEach(async () => {
  await redis.flushdb();
});
afterAll(async () => {
  redis.disconnect();
});

describe("article cache (L2 + L2.5)", () => {
  it("misses in both tiers for an unknown key and counts one Redis miss", async () => {
    const stats = createCacheStats();
    const cache = createArticleCache({ redis, stats, logger: quiet() });
    expect(await cache.get("nope")).toBeUndefined();
    expect(stats.snapshot()).toEqual({ hits: 0, misses: 1, errors: 0, hitRate: "0.0%" });
  });

  it("serves from memory after a set, without asking Redis", async () => {
    const stats = createCacheStats();
    const cache = createArticleCache({ redis, stats, logger: quiet() });
    const value = body();
    await cache.set("a", blob(value), { persist: false });
    expect(await read(cache.get("a"))).toEqual({ body: value, tier: "memory" });
    expect(stats.snapshot()).toMatchObject({ hits: 0, misses: 0 });
  });

  it("after a restart serves a persisted article from Redis, then from memory once promoted", async () => {
    const value = body();
    await createArticleCache({ redis, stats: createCacheStats(), logger: quiet() }).set("k", blob(value), { persist: true });

    const stats = createCacheStats();
    const restarted = createArticleCache({ redis, stats, logger: quiet() });
    expect(await read(restarted.get("k"))).toEqual({ body: value, tier: "redis" });
    expect(await read(restarted.get("k"))).toEqual({ body: value, tier: "memory" });
    expect(stats.snapshot()).toEqual({ hits: 1, misses: 0, errors: 0, hitRate: "100.0%" });
    expect(restarted.size().entries).toBe(1);
  });

  it("writes Redis only when persist is true (premium), memory always", async () => {
    const cache = createArticleCache({ redis, stats: createCacheStats(), logger: quiet() });
    await cache.set("free", blob(body()), { persist: false });
    await cache.set("premium", blob(body()), { persist: true });
    expect(await redis.exists(articleRedisKey("free"))).toBe(0);
    expect(await redis.exists(articleRedisKey("premium"))).toBe(1);
    expect(cache.size().entries).toBe(2);
  });

  it("stores the body gzip-compressed under tts:article:v2:{key} with a 7-day TTL", async () => {
    const value = body();
    await createArticleCache({ redis, stats: createCacheStats(), logger: quiet() }).set("abc", blob(value), { persist: true });
    const stored = await redis.getBuffer("tts:article:v2:abc");
    expect(stored?.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(gunzipSync(stored!).toString()).toBe(value);
    const ttl = await redis.ttl("tts:article:v2:abc");
    expect(ttl).toBeGreaterThan(7 * 86_400 - 10);
    expect(ttl).toBeLessThanOrEqual(7 * 86_400);
  });

  it("keeps an article over the Redis entry cap in memory only", async () => {
    const logs = captureLogger("cache:article");
    const cache = createArticleCache({ redis, stats: createCacheStats(), maxRedisEntryBytes: 1_000, logger: logs.logger });
    await cache.set("big", blob(body(5_000)), { persist: true });
    await cache.set("small", blob(JSON.stringify({ audioBase64: "AAAA".repeat(100) })), { persist: true });
    expect(await redis.exists(articleRedisKey("big"))).toBe(0);
    expect(await redis.exists(articleRedisKey("small"))).toBe(1);
    expect((await cache.get("big"))?.tier).toBe("memory");
    expect(logs.lines().some((l) => String(l.msg).includes("too large"))).toBe(true);
  });

  it("bounds memory by bytes, evicting the least recently used article", async () => {
    const cache = createArticleCache({ stats: createCacheStats(), maxBytes: 10_000, logger: quiet() });
    const [a, b, c] = [body(3_000), body(3_000), body(3_000)]; // ~4 KB each as base64 JSON
    await cache.set("a", blob(a), { persist: false });
    await cache.set("b", blob(b), { persist: false });
    await cache.get("a");
    await cache.set("c", blob(c), { persist: false });
    expect(cache.size().bytes).toBeLessThanOrEqual(10_000);
    expect(await cache.get("b")).toBeUndefined();
    expect((await read(cache.get("a")))?.body).toBe(a);
    expect((await read(cache.get("c")))?.body).toBe(c);
  });

  it("treats an unreadable Redis value as a miss plus a counted error", async () => {
    await redis.set(articleRedisKey("junk"), "not gzip");
    const stats = createCacheStats();
    const cache = createArticleCache({ redis, stats, logger: quiet() });
    expect(await cache.get("junk")).toBeUndefined();
    expect(stats.snapshot()).toMatchObject({ hits: 0, misses: 1, errors: 1 });
  });

  it("works as memory only without Redis, counting no Redis lookups", async () => {
    const stats = createCacheStats();
    const cache = createArticleCache({ stats, logger: quiet() });
    await cache.set("a", blob("{}"), { persist: true });
    expect(await read(cache.get("a"))).toEqual({ body: "{}", tier: "memory" });
    expect(await cache.get("b")).toBeUndefined();
    expect(stats.snapshot()).toMatchObject({ hits: 0, misses: 0, errors: 0 });
  });
});
