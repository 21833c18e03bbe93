// What the article cache (L2/L2.5) and the chunk cache (L3/L3.5) are configured with: the same two tiers, memory
// and Redis, each with its own defaults (docs/architecture.md, "Cache tiers").
import type { Logger } from "pino";
import type { CacheStats, Redis } from "./redis";

export interface CacheTierOptions {
  /** absent: memory only */
  redis?: Redis;
  stats: CacheStats;
  /** the memory tier's size */
  maxBytes?: number;
  /** the memory tier's time to live */
  ttlMs?: number;
  redisTtlSeconds?: number;
  /** compressed size above which an entry is not written to Redis */
  maxRedisEntryBytes?: number;
  logger?: Logger;
}
