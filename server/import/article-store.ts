// Imported articles by their content-derived id (docs/architecture.md → Articles): Redis when configured (30 days,
// gzipped like the TTS tiers), always a bounded memory LRU in front. Redis is never fatal (invariant 11): a
// failed read is a miss, a failed write leaves the article in memory, and both are counted as errors.
import { LRUCache } from "lru-cache";
import type { Logger } from "pino";
import { compressAsync, decompressAsync } from "../cache/gzip";
import type { CacheStats, Redis } from "../cache/redis";
import { createLogger } from "../logger";

export interface ArticleStore {
  get(id: string): Promise<string | undefined>;
  /** Stores the article's JSON; true when it was already there (the same content imported before). */
  put(id: string, json: string): Promise<boolean>;
}

export interface ArticleStoreOptions {
  redis?: Redis;
  stats: CacheStats;
  maxMemoryBytes?: number;
  ttlSeconds?: number;
  logger?: Logger;
}

const MB = 1024 * 1024;
export const articleStoreKey = (id: string) => `article:v1:${id}`;

export function createArticleStore({
  redis,
  stats,
  maxMemoryBytes = 64 * MB,
  ttlSeconds = 30 * 24 * 60 * 60,
  logger = createLogger("import:store"),
}: ArticleStoreOptions): ArticleStore {
  if (!Number.isFinite(maxMemoryBytes) || maxMemoryBytes <= 0)
    throw new TypeError(`Expected \`maxMemoryBytes\` to be a positive number, got ${maxMemoryBytes}`);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) throw new TypeError(`Expected \`ttlSeconds\` to be a positive integer, got ${ttlSeconds}`);
  const memory = new LRUCache<string, string>({ maxSize: maxMemoryBytes, sizeCalculation: (json) => Math.max(1, Buffer.byteLength(json)) });

  const failed = (operation: string, id: string, error: unknown) => {
    stats.error();
    logger.debug({ id, err: error instanceof Error ? error.message : String(error) }, `Redis article ${operation} failed`);
  };

  return {
    async get(id) {
      const kept = memory.get(id);
      if (kept !== undefined || !redis) return kept;
      try {
        const stored = await redis.getBuffer(articleStoreKey(id));
        if (!stored) return undefined;
        const json = (await decompressAsync(stored)).toString("utf8");
        memory.set(id, json);
        return json;
      } catch (error) {
        failed("read", id, error);
        return undefined;
      }
    },
    async put(id, json) {
      // The first import of an id is the article (invariant 18): never overwritten here or in Redis.
      let existed = memory.has(id);
      if (!existed) memory.set(id, json);
      if (!redis) return existed;
      try {
        if (redis.status !== "ready") throw new Error(`Redis is ${redis.status}`);
        // NX: the first import of this content wins and keeps its 30 days; a repeat only learns it existed.
        const written = await redis.set(articleStoreKey(id), await compressAsync(json), "EX", ttlSeconds, "NX");
        existed ||= written === null;
      } catch (error) {
        failed("write", id, error);
      }
      return existed;
    },
  };
}
