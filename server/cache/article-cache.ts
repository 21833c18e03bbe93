// L2 (server article LRU) and L2.5 (Redis article cache) (docs/architecture.md, "Cache tiers"). An entry is the ready
// JSON response body as a Blob, so a memory hit is sent as it is: nothing parsed, merged or encoded, not even
// copied. Bun sends a Blob from its own store; a Uint8Array body is copied for every response, and a string
// encoded (README "Audio as bytes").
import { LRUCache } from "lru-cache";
import { createLogger } from "../logger";
import { compressBase64Async, decompressAsync } from "./gzip";
import type { CacheTierOptions } from "./cache-tier-options";
import { assertPositive } from "@/lib/args/assert-positive";

export interface ArticleHit {
  body: Blob;
  tier: "memory" | "redis";
}

export interface ArticleCache {
  get(key: string): Promise<ArticleHit | undefined>;
  /** `persist` also writes Redis (premium users, L2.5); memory is always written. Never rejects. */
  set(key: string, body: Blob, options: { persist: boolean }): Promise<void>;
  size(): { entries: number; bytes: number };
}

export type ArticleCacheOptions = CacheTierOptions;

const MB = 1024 * 1024;

export const articleRedisKey = (key: string) => `tts:article:v2:${key}`;

export function createArticleCache({
  redis,
  stats,
  maxBytes = 100 * MB,
  ttlMs = 2 * 60 * 60 * 1000,
  redisTtlSeconds = 7 * 24 * 60 * 60,
  maxRedisEntryBytes = 10 * MB,
  logger = createLogger("cache:article"),
}: ArticleCacheOptions): ArticleCache {
  if (!stats) throw new TypeError("Expected `stats` to be a CacheStats");
  assertPositive("maxBytes", maxBytes);
  assertPositive("ttlMs", ttlMs);
  assertPositive("redisTtlSeconds", redisTtlSeconds);
  assertPositive("maxRedisEntryBytes", maxRedisEntryBytes);

  // An entry larger than maxBytes is silently not stored (lru-cache's maxEntrySize defaults to maxSize).
  const memory = new LRUCache<string, Blob>({
    maxSize: maxBytes,
    sizeCalculation: (body) => Math.max(1, body.size),
    ttl: ttlMs,
  });

  const failed = (operation: string, key: string, error: unknown) => {
    stats.error();
    logger.debug({ key, err: error instanceof Error ? error.message : String(error) }, `Redis article ${operation} failed`);
  };

  const get = async (key: string): Promise<ArticleHit | undefined> => {
    const body = memory.get(key);
    if (body !== undefined) return { body, tier: "memory" };
    if (!redis) return undefined;
    try {
      const stored = await redis.getBuffer(articleRedisKey(key));
      if (!stored) {
        stats.miss();
        return undefined;
      }
      const inflated = await decompressAsync(stored);
      const promoted = new Blob([new Uint8Array(inflated.buffer as ArrayBuffer, inflated.byteOffset, inflated.byteLength)]);
      memory.set(key, promoted);
      stats.hit();
      return { body: promoted, tier: "redis" };
    } catch (error) {
      stats.miss();
      failed("read", key, error);
      return undefined;
    }
  };

  const set = async (key: string, body: Blob, { persist }: { persist: boolean }): Promise<void> => {
    memory.set(key, body);
    if (!persist || !redis) return;
    try {
      // Not worth compressing for a write that cannot happen (no offline queue): fail it now.
      if (redis.status !== "ready") throw new Error(`Redis is ${redis.status}`);
      const compressed = await compressBase64Async(new Uint8Array(await body.arrayBuffer()));
      if (compressed.byteLength > maxRedisEntryBytes) {
        logger.info({ key, bytes: compressed.byteLength, maxRedisEntryBytes }, "Article too large for the Redis cache: kept in memory only");
        return;
      }
      await redis.set(articleRedisKey(key), compressed, "EX", redisTtlSeconds);
    } catch (error) {
      failed("write", key, error);
    }
  };

  return { get, set, size: () => ({ entries: memory.size, bytes: memory.calculatedSize }) };
}
