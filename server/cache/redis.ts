// The optional Redis connection (docs/architecture.md invariant 11: Redis is never fatal). Configured to fail fast
// rather than wait: no offline queue (a command sent while disconnected errors at once instead of piling
// up), one retry at most for a command caught by a disconnect, short connect and command timeouts. The
// client keeps reconnecting on its own with a capped backoff, so the tiers come back when Redis does.
// Every caller treats an error as a miss; here errors are only logged, once per outage.
import { Redis } from "ioredis";
import type { Logger } from "pino";
import { createLogger } from "../logger";

export type { Redis };

export interface RedisOptions {
  commandTimeoutMs?: number;
  logger?: Logger;
}

const RECONNECT_CAP_MS = 2_000;

export function createRedis(url: string, { commandTimeoutMs = 500, logger = createLogger("redis") }: RedisOptions = {}): Redis {
  if (typeof url !== "string" || !/^rediss?:\/\//.test(url)) {
    throw new TypeError(`Expected \`url\` to be a redis:// or rediss:// URL, got ${String(url)}`);
  }
  if (!Number.isFinite(commandTimeoutMs) || commandTimeoutMs <= 0) {
    throw new TypeError(`Expected \`commandTimeoutMs\` to be a positive number, got ${String(commandTimeoutMs)}`);
  }
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: commandTimeoutMs,
    retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, RECONNECT_CAP_MS),
  });

  // A down server raises the same error on every reconnect attempt: log the first of an outage only.
  // A server shutting down cleanly raises no error, so a reconnect marks the outage too ("reconnecting"
  // never follows our own disconnect(), which therefore logs nothing).
  let lastError: string | undefined;
  let state: "connecting" | "up" | "down" = "connecting";
  redis.on("error", (error: Error) => {
    if (error.message === lastError) return;
    lastError = error.message;
    logger.warn({ err: error.message }, "Redis error: cache tiers and quota fall back to memory");
  });
  redis.on("reconnecting", () => {
    if (state === "up") logger.warn("Redis connection lost: cache tiers and quota fall back to memory");
    state = "down";
  });
  redis.on("ready", () => {
    if (state === "down") logger.info("Redis reconnected");
    state = "up";
    lastError = undefined;
  });
  return redis;
}

export interface CacheStatsSnapshot {
  hits: number;
  misses: number;
  errors: number;
  /** hits over lookups, as /health shows it ("85.4%") */
  hitRate: string;
}

export interface CacheStats {
  hit(): void;
  miss(): void;
  error(): void;
  snapshot(): CacheStatsSnapshot;
}

/** Counters for the Redis tiers' lookups, shown under /health → tts.redis. A failed lookup is a miss and an error. */
export function createCacheStats(): CacheStats {
  let hits = 0;
  let misses = 0;
  let errors = 0;
  return {
    hit: () => void (hits += 1),
    miss: () => void (misses += 1),
    error: () => void (errors += 1),
    snapshot: () => ({
      hits,
      misses,
      errors,
      hitRate: `${(hits + misses === 0 ? 0 : (hits / (hits + misses)) * 100).toFixed(1)}%`,
    }),
  };
}

/**
 * Invariant 11 for a store that keeps a memory copy: `work` runs on Redis when it is ready, and any failure (Redis
 * not ready included) is counted in `stats`, handed to `onFailure` for the log, and answered by `fallback`.
 */
export async function redisOrFallback<T>(
  redis: Redis | undefined,
  { stats, onFailure }: { stats: CacheStats; onFailure: (error: unknown) => void },
  work: (redis: Redis) => Promise<T>,
  fallback: () => T,
): Promise<T> {
  if (!redis) return fallback();
  try {
    if (redis.status !== "ready") throw new Error(`Redis is ${redis.status}`);
    return await work(redis);
  } catch (error) {
    stats.error();
    onFailure(error);
    return fallback();
  }
}
