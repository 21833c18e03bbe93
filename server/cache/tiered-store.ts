// "Redis first, memory when Redis fails" (docs/architecture.md invariant 11) for the stores that keep a memory
// copy: imported articles, readers' libraries, listening positions. Work runs on Redis when it is ready; any
// failure, Redis not ready included, is counted in the shared stats, logged once per operation, and answered from
// memory. The memory tier is an LRU sized in bytes (what each value takes, by the store's own measure, not a count
// of entries that may each be anything from 100 bytes to a megabyte), with a cap per entry: a value over it is
// never kept in memory (Redis still has it). Generic over the value, so a cache of bytes can use it as well.
import { LRUCache } from "lru-cache";
import type { Logger } from "pino";
import { redisOrFallback, type CacheStats, type Redis } from "./redis";

export interface TieredStoreOptions<V extends object | string> {
  redis?: Redis;
  stats: CacheStats;
  /** names the store in its log lines ("Redis library write failed") */
  name: string;
  logger: Logger;
  memory: {
    /** what the memory tier may hold in all */
    maxBytes: number;
    /** one value over this is not kept in memory */
    maxEntryBytes: number;
    /** what a value takes in memory, in bytes (a string's characters take up to 2 each) */
    sizeOf: (value: V) => number;
    /** how long a value stays in memory, when it should expire there as it does in Redis */
    ttlMs?: number;
  };
}

export interface TieredStore<V extends object | string> {
  /** `work` on Redis when it is ready; on any failure, counted and logged, `fallback` answers. */
  viaRedis<T>(operation: string, work: (redis: Redis) => Promise<T>, fallback: () => T): Promise<T>;
  recall(key: string): V | undefined;
  /** Keeps `value` in memory, unless it is over the per-entry cap: then no older copy stays either. */
  remember(key: string, value: V): void;
  forget(key: string): void;
  /** bytes the memory tier holds now */
  memoryBytes(): number;
}

/** What a JSON-shaped value takes in memory, roughly and never less: 2 bytes a character of its JSON, plus overhead. */
export const jsonBytes = (value: unknown): number => 2 * (JSON.stringify(value)?.length ?? 0) + 64;

export function createTieredStore<V extends object | string>({ redis, stats, name, logger, memory }: TieredStoreOptions<V>): TieredStore<V> {
  const { maxBytes, maxEntryBytes, sizeOf, ttlMs } = memory;
  if (!(maxBytes > 0)) throw new TypeError(`Expected \`memory.maxBytes\` to be a positive number, got ${maxBytes}`);
  if (!(maxEntryBytes > 0 && maxEntryBytes <= maxBytes))
    throw new TypeError(`Expected \`memory.maxEntryBytes\` to be positive and at most \`memory.maxBytes\`, got ${maxEntryBytes}`);
  const lru = new LRUCache<string, V>({
    maxSize: maxBytes,
    maxEntrySize: maxEntryBytes,
    sizeCalculation: (value) => Math.max(1, Math.ceil(sizeOf(value))),
    ...(ttlMs !== undefined && { ttl: ttlMs }),
  });

  return {
    viaRedis: (operation, work, fallback) =>
      redisOrFallback(
        redis,
        {
          stats,
          onFailure: (error) => logger.debug({ err: error instanceof Error ? error.message : String(error) }, `Redis ${name} ${operation} failed`),
        },
        work,
        fallback,
      ),
    recall: (key) => lru.get(key),
    remember(key, value) {
      // lru-cache leaves an older copy in place when the new value is refused for its size: drop it too.
      if (sizeOf(value) > maxEntryBytes) lru.delete(key);
      else lru.set(key, value);
    },
    forget: (key) => void lru.delete(key),
    memoryBytes: () => lru.calculatedSize,
  };
}
