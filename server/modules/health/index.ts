import { Elysia } from "elysia";
import { timingSafeEqual } from "node:crypto";
import type { ArticleCache } from "../../cache/article-cache";
import type { ChunkCache } from "../../cache/chunk-cache";
import type { CacheStats } from "../../cache/redis";
import type { ConcurrencyLimiter } from "../../limits/concurrency-limiter";

export interface HealthOptions {
  limiter: ConcurrencyLimiter;
  redisStats: CacheStats;
  articleCache: ArticleCache;
  chunkCache: ChunkCache;
  pendingGenerations: () => number;
  upstream: "inworld" | "local-voice" | "disabled";
  redisConfigured: boolean;
  /** Whether the Redis connection is up now (false while connecting or down: the tiers then miss). */
  redisConnected: () => boolean;
  /** Who may see user ids in perUserBreakdown (docs/architecture.md: operators only). */
  healthToken: string;
}

function isOperator(authorization: string | null, token: string): boolean {
  if (!token || !authorization) return false;
  const given = Buffer.from(authorization);
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const healthModule = (options: HealthOptions) =>
  new Elysia().get("/health", ({ request, set }) => {
    set.headers["cache-control"] = "no-store";
    const stats = options.limiter.stats();
    // Others see the same shape with the user ids replaced, so dashboards work without leaking identities.
    const perUserBreakdown = isOperator(request.headers.get("authorization"), options.healthToken)
      ? stats.perUserBreakdown
      : Object.fromEntries(Object.values(stats.perUserBreakdown).map((count, i) => [`user-${i + 1}`, count]));
    const memory = process.memoryUsage();
    return {
      status: "ok",
      uptimeSeconds: Math.round(process.uptime()),
      tts: {
        ...stats,
        perUserBreakdown,
        pendingGenerations: options.pendingGenerations(),
        upstream: options.upstream,
        redis: { configured: options.redisConfigured, connected: options.redisConnected(), ...options.redisStats.snapshot() },
        cache: { article: options.articleCache.size(), chunk: options.chunkCache.size() },
      },
      memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed },
    };
  });
