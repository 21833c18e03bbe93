// Signed-in readers' listening positions, by `sub` and article:voice, so they follow the reader to another
// device. Redis when configured (each key expires after `ttlSeconds` without a save), otherwise a bounded
// memory LRU with the same expiry. Redis is never fatal: on an error the memory copy answers.
import { LRUCache } from "lru-cache";
import type { Logger } from "pino";
import { asListeningPosition, type ListeningPosition } from "@/lib/positions/listening-position";
import { redisOrFallback, type CacheStats, type Redis } from "../../cache/redis";
import { createLogger } from "../../logger";

export interface PositionStore {
  get(sub: string, key: string): Promise<ListeningPosition | null>;
  /** Keeps `position` unless a later one is already saved (another device went on further in time). */
  save(sub: string, key: string, position: ListeningPosition): Promise<ListeningPosition>;
}

export interface PositionStoreOptions {
  redis?: Redis;
  stats: CacheStats;
  ttlSeconds?: number;
  maxInMemory?: number;
  logger?: Logger;
}

export const DEFAULT_POSITION_TTL_SECONDS = 90 * 24 * 3600;
export const positionRedisKey = (sub: string, key: string) => `position:v1:${sub}:${key}`;

export function createPositionStore({
  redis,
  stats,
  ttlSeconds = DEFAULT_POSITION_TTL_SECONDS,
  maxInMemory = 100_000,
  logger = createLogger("api:positions"),
}: PositionStoreOptions): PositionStore {
  const memory = new LRUCache<string, ListeningPosition>({ max: maxInMemory, ttl: ttlSeconds * 1000 });

  const viaRedis = <T>(operation: string, work: (r: Redis) => Promise<T>): Promise<T | undefined> =>
    redisOrFallback(
      redis,
      {
        stats,
        onFailure: (error) => logger.debug({ err: error instanceof Error ? error.message : String(error) }, `Redis position ${operation} failed`),
      },
      work,
      () => undefined,
    );

  const get = async (sub: string, key: string) => {
    const name = positionRedisKey(sub, key);
    const json = await viaRedis("read", (r) => r.get(name));
    if (typeof json === "string") {
      try {
        return asListeningPosition(JSON.parse(json));
      } catch {
        return null;
      }
    }
    return memory.get(name) ?? null;
  };

  const save = async (sub: string, key: string, position: ListeningPosition) => {
    const existing = await get(sub, key);
    if (existing && existing.updatedAt > position.updatedAt) return existing;
    const name = positionRedisKey(sub, key);
    memory.set(name, position);
    await viaRedis("write", (r) => r.set(name, JSON.stringify(position), "EX", ttlSeconds));
    return position;
  };

  return { get, save };
}
