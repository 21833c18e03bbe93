// docs/architecture.md invariant 11: Redis is optional and never fatal. With nothing listening, with a real redis-server
// stopped mid-test, and with one that stalls, every tier answers at once as a miss with a counted error and
// the quota falls back to memory; when a server is back on the same port the client reconnects by itself.
// Timings are printed for the record (see the report table), not asserted.
import { afterEach, describe, expect, it } from "vitest";
import { createArticleCache } from "@/server/cache/article-cache";
import { createChunkCache, type ChunkEntry } from "@/server/cache/chunk-cache";
import { createCacheStats, createRedis, type Redis } from "@/server/cache/redis";
import { createDailyQuota } from "@/server/quota/daily-quota";
import { captureLogger } from "../support/capture-logger";
import { freePort, startRedis, type RunningProcess } from "../support/processes";
import { ready } from "../support/redis-client";
import { timed } from "../support/timing";

const entry: ChunkEntry = {
  audio: new Uint8Array([1, 2, 3, 4]),
  alignment: { characters: ["O", "k"], characterStartTimesSeconds: [0, 0.1], characterEndTimesSeconds: [0.1, 0.2] },
  durationMs: 200,
};

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function serving(redis: Redis) {
  const stats = createCacheStats();
  const quiet = captureLogger().logger;
  return {
    stats,
    articles: createArticleCache({ redis, stats, logger: quiet }),
    chunks: createChunkCache({ redis, stats, logger: quiet }),
    quota: createDailyQuota({ redis, limit: 2, logger: quiet }),
  };
}

// Runs every Redis-backed operation once and returns how long each took.
async function everyOperation({ articles, chunks, quota }: ReturnType<typeof serving>, label: string) {
  const timings: Record<string, number> = {};
  const run = async <T>(name: string, call: () => Promise<T>) => {
    const { ms, value } = await timed(call);
    timings[name] = Math.round(ms * 10) / 10;
    return value;
  };
  const results = {
    articleGet: await run("article.get", () => articles.get("never-set")),
    articleSet: await run("article.set", () => articles.set("new", new Blob(["{}"]), { persist: true })),
    chunkGetMany: await run("chunk.getMany(3)", () => chunks.getMany(["x", "y", "z"])),
    chunkSet: await run("chunk.set", () => chunks.set("new", entry)),
  };
  const reservation = await run("quota.reserve", () => quota.reserve("anon:198.51.100.1", "a"));
  const quotaCommit = await run("quota.commit", () => reservation.commit());
  console.info(`[redis-down] ${label}: ${JSON.stringify(timings)}`);
  return {
    ...results,
    quotaReserve: { allowed: reservation.allowed, count: reservation.count, alreadyCounted: reservation.alreadyCounted },
    quotaCommit,
  };
}

function expectMissesAndMemoryFallback(results: Awaited<ReturnType<typeof everyOperation>>) {
  expect(results.articleGet).toBeUndefined();
  expect(results.chunkGetMany).toEqual([undefined, undefined, undefined]);
  expect(results.quotaReserve).toEqual({ allowed: true, count: 0, alreadyCounted: false });
  expect(results.quotaCommit).toEqual({ count: 1, limit: 2 });
}

describe("when Redis is down", () => {
  it("answers every operation as a miss when nothing listens on the port, counting errors", async () => {
    const logs = captureLogger("redis");
    const redis = createRedis(`redis://127.0.0.1:${await freePort()}`, { logger: logs.logger });
    cleanup.push(() => redis.disconnect());
    let failedAttempts = 0;
    redis.on("error", () => failedAttempts++);
    const parts = serving(redis);

    const results = await everyOperation(parts, "nothing listening");
    expectMissesAndMemoryFallback(results);
    // 1 article read + 1 article write + 3 chunk reads + 1 chunk write
    expect(parts.stats.snapshot()).toEqual({ hits: 0, misses: 4, errors: 6, hitRate: "0.0%" });
    // items served before still count in the fallback, and the same article still counts once
    const again = await parts.quota.reserve("anon:198.51.100.1", "a");
    expect(again).toMatchObject({ allowed: true, alreadyCounted: true });
    expect(await again.commit()).toEqual({ count: 1, limit: 2 });
    // Every reconnect attempt fails again, and is logged only the once.
    await expect.poll(() => failedAttempts).toBeGreaterThanOrEqual(3);
    expect(logs.events("Redis error: cache tiers and quota fall back to memory")).toHaveLength(1);
  });

  it("fails fast after a real redis-server stops mid-test, then reconnects when one is back on the same port", async () => {
    const logs = captureLogger("redis");
    let server: RunningProcess = await startRedis();
    cleanup.push(() => server.stop());
    const redis = createRedis(server.url, { logger: logs.logger });
    cleanup.push(() => redis.disconnect());
    await ready(redis);
    const parts = serving(redis);

    await parts.articles.set("before", new Blob(['{"a":1}']), { persist: true });
    expect((await parts.articles.get("before"))?.tier).toBe("memory");
    await (await parts.quota.reserve("user:1", "x")).commit();

    await server.stop();
    const errorsBefore = parts.stats.snapshot().errors;
    const results = await everyOperation(parts, "server stopped");
    expectMissesAndMemoryFallback(results);
    expect(parts.stats.snapshot().errors - errorsBefore).toBe(6);
    expect(logs.events("Redis connection lost: cache tiers and quota fall back to memory")).toHaveLength(1);
    // the memory tier still serves what it holds
    expect((await parts.articles.get("before"))?.tier).toBe("memory");

    server = await startRedis(server.port);
    await ready(redis);
    expect(logs.events("Redis reconnected")).toHaveLength(1);

    const fresh = serving(redis);
    await fresh.articles.set("after", new Blob(['{"b":2}']), { persist: true });
    await fresh.chunks.set("after", entry);
    const restarted = serving(redis);
    const after = await restarted.articles.get("after");
    expect({ body: await after?.body.text(), tier: after?.tier }).toEqual({ body: '{"b":2}', tier: "redis" });
    expect(await restarted.chunks.getMany(["after"])).toEqual([entry]);
    expect(restarted.stats.snapshot()).toMatchObject({ hits: 2, errors: 0 });
    expect(await (await restarted.quota.reserve("user:1", "y")).commit()).toEqual({ count: 1, limit: 2 });
  });

  it("gives up on a stalled server after the command timeout and counts a miss and an error", async () => {
    const server = await startRedis();
    cleanup.push(() => server.stop());
    const redis = createRedis(server.url, { commandTimeoutMs: 300, logger: captureLogger().logger });
    const admin = createRedis(server.url, { logger: captureLogger().logger });
    cleanup.push(
      () => redis.disconnect(),
      () => admin.disconnect(),
    );
    await Promise.all([ready(redis), ready(admin)]);
    const parts = serving(redis);

    await admin.client("PAUSE", 2_000, "ALL");
    const { ms, value } = await timed(() => parts.articles.get("slow"));
    console.info(`[redis-down] stalled server (CLIENT PAUSE), commandTimeout 300 ms: article.get ${Math.round(ms)} ms`);
    expect(value).toBeUndefined();
    expect(parts.stats.snapshot()).toMatchObject({ misses: 1, errors: 1 });
    const reservation = await parts.quota.reserve("user:1", "a");
    expect(reservation).toMatchObject({ allowed: true, count: 0 });
  });
});
