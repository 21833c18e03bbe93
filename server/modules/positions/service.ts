// Signed-in readers' listening positions, by `sub` and article:voice, so they follow the reader to another
// device. Redis when configured (each key expires after `ttlSeconds` without a save), and a memory tier in bytes
// with the same expiry (server/cache/tiered-store.ts). Redis is never fatal: on an error the memory copy answers.
import type { Logger } from "pino";
import { asListeningPosition, type ListeningPosition } from "@/lib/positions/listening-position";
import type { CacheStats, Redis } from "../../cache/redis";
import { createTieredStore, jsonBytes } from "../../cache/tiered-store";
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
  /** bytes the memory tier holds */
  maxMemoryBytes?: number;
  logger?: Logger;
}

export const DEFAULT_POSITION_TTL_SECONDS = 90 * 24 * 3600;
export const positionRedisKey = (sub: string, key: string) => `position:v1:${sub}:${key}`;

export function createPositionStore({
  redis,
  stats,
  ttlSeconds = DEFAULT_POSITION_TTL_SECONDS,
  maxMemoryBytes = 16 * 1024 * 1024,
  logger = createLogger("api:positions"),
}: PositionStoreOptions): PositionStore {
  // A position's body is capped at 1 KB (model.ts); its key is the reader's sub and the article:voice key.
  const memory = createTieredStore<ListeningPosition>({
    redis,
    stats,
    name: "position",
    logger,
    memory: { maxBytes: maxMemoryBytes, maxEntryBytes: 4 * 1024, sizeOf: jsonBytes, ttlMs: ttlSeconds * 1000 },
  });

  const viaRedis = <T>(operation: string, work: (r: Redis) => Promise<T>): Promise<T | undefined> =>
    memory.viaRedis<T | undefined>(operation, work, () => undefined);

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
    return memory.recall(name) ?? null;
  };

  const save = async (sub: string, key: string, position: ListeningPosition) => {
    const existing = await get(sub, key);
    if (existing && existing.updatedAt > position.updatedAt) return existing;
    const name = positionRedisKey(sub, key);
    memory.remember(name, position);
    await viaRedis("write", (r) => r.set(name, JSON.stringify(position), "EX", ttlSeconds));
    return position;
  };

  return { get, save };
}
