// Imported articles by their content-derived id (docs/architecture.md → Articles, invariant 18): Redis when
// configured (30 days, gzipped like the TTS tiers), always a memory tier in front (server/cache/tiered-store.ts).
// An article never changes once stored: the first import of an id is what every reader and replica sees, so a
// repeat neither overwrites Redis (SET NX) nor the memory copy. Redis is never fatal (invariant 11): a failed read
// is a miss, a failed write leaves the article in memory, and both are counted as errors.
import type { Logger } from "pino";
import { compressAsync, decompressAsync } from "../cache/gzip";
import type { CacheStats, Redis } from "../cache/redis";
import { createTieredStore } from "../cache/tiered-store";
import { createLogger } from "../logger";

export interface ArticleStore {
  get(id: string): Promise<string | undefined>;
  /** Stores the article's JSON; true when it was already there (the same content imported before). */
  put(id: string, json: string): Promise<boolean>;
  /** bytes the memory tier holds */
  memoryBytes(): number;
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
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) throw new TypeError(`Expected \`ttlSeconds\` to be a positive integer, got ${ttlSeconds}`);
  // A pasted page of IMPORT_MAX_BYTES (5 MB) makes an article of about as much JSON; none is larger than 16 MB.
  const tiers = createTieredStore<string>({
    redis,
    stats,
    name: "article",
    logger,
    memory: { maxBytes: maxMemoryBytes, maxEntryBytes: Math.min(maxMemoryBytes, 16 * MB), sizeOf: (json) => 2 * json.length },
  });

  return {
    async get(id) {
      const kept = tiers.recall(id);
      if (kept !== undefined || !redis) return kept;
      const stored = await tiers.viaRedis<string | undefined>(
        "read",
        async (r) => {
          const gzipped = await r.getBuffer(articleStoreKey(id));
          return gzipped ? (await decompressAsync(gzipped)).toString("utf8") : undefined;
        },
        () => undefined,
      );
      if (stored !== undefined) tiers.remember(id, stored);
      return stored;
    },
    async put(id, json) {
      let existed = tiers.recall(id) !== undefined;
      if (!existed) tiers.remember(id, json);
      // NX: the first import of this content wins and keeps its 30 days; a repeat only learns it existed.
      const written = await tiers.viaRedis<string | null>(
        "write",
        async (r) => r.set(articleStoreKey(id), await compressAsync(json), "EX", ttlSeconds, "NX"),
        () => "OK",
      );
      existed ||= written === null;
      return existed;
    },
    memoryBytes: () => tiers.memoryBytes(),
  };
}
