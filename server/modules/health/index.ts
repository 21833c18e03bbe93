import { Elysia } from "elysia";
import { timingSafeEqual } from "node:crypto";
import type { ArticleCache } from "../../cache/article-cache";
import type { ChunkCache } from "../../cache/chunk-cache";
import type { CacheStats } from "../../cache/redis";
import type { Counters, ReplicaCounters } from "../../cluster/replica-counters";
import type { ConcurrencyLimiter } from "../../limits/concurrency-limiter";
import type { Guards } from "../../plugins/guards";

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
  /** which replica answers (docs/deploy.md): its full name for operators, and the one anyone may see */
  replicaId: string;
  publicReplicaId: string;
  /** the other replicas' counters, for ?cluster=1; absent without Redis */
  cluster?: ReplicaCounters;
  /** pages waiting for and being reduced by the extraction thread */
  imports: () => { queued: number; running: number; idleThreads: number };
}

/** The counters that add up across replicas: what each publishes for /health?cluster=1. peakConcurrent sums
 * each replica's own peak, an upper bound of the cluster's. */
export function healthCounters(options: Pick<HealthOptions, "limiter" | "redisStats" | "pendingGenerations">): Counters {
  const { activeSlots, queuedRequests, maxConcurrentTTS, totalAcquired, totalRejected, totalTimedOut, peakConcurrent } = options.limiter.stats();
  const redis = options.redisStats.snapshot();
  return {
    activeSlots,
    queuedRequests,
    maxConcurrentTTS,
    totalAcquired,
    totalRejected,
    totalTimedOut,
    peakConcurrent,
    pendingGenerations: options.pendingGenerations(),
    redisHits: redis.hits,
    redisMisses: redis.misses,
    redisErrors: redis.errors,
    rssBytes: process.memoryUsage.rss(),
  };
}

const alone = (options: HealthOptions) => ({ replicas: [options.publicReplicaId], complete: false, sum: healthCounters(options) });

function isOperator(authorization: string | null, token: string): boolean {
  if (!token || !authorization) return false;
  const given = Buffer.from(authorization);
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const healthModule = (guards: Guards, options: HealthOptions) =>
  new Elysia().use(guards).get(
    "/health",
    async ({ request, set }) => {
      set.headers["cache-control"] = "no-store";
      const wantsCluster = new URL(request.url).searchParams.get("cluster") === "1";
      const stats = options.limiter.stats();
      // Others see the same shape with the user ids replaced, so dashboards work without leaking identities; the
      // host name, the process id and the memory are the operator's alone.
      const operator = isOperator(request.headers.get("authorization"), options.healthToken);
      const perUserBreakdown = operator
        ? stats.perUserBreakdown
        : Object.fromEntries(Object.values(stats.perUserBreakdown).map((count, i) => [`user-${i + 1}`, count]));
      const memory = process.memoryUsage();
      const cluster = wantsCluster ? (options.cluster ? await options.cluster.cluster() : alone(options)) : undefined;
      return {
        status: "ok",
        replica: operator ? options.replicaId : options.publicReplicaId,
        uptimeSeconds: Math.round(process.uptime()),
        tts: {
          ...stats,
          perUserBreakdown,
          pendingGenerations: options.pendingGenerations(),
          upstream: options.upstream,
          redis: { configured: options.redisConfigured, connected: options.redisConnected(), ...options.redisStats.snapshot() },
          cache: { article: options.articleCache.size(), chunk: options.chunkCache.size() },
        },
        imports: options.imports(),
        ...(operator && { memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed } }),
        ...(cluster && { cluster: operator ? cluster : { ...cluster, sum: { ...cluster.sum, rssBytes: undefined } } }),
      };
    },
    { operator: true },
  );
