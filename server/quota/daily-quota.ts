// The free and anonymous daily quota (spec "Free Tier Limits"; DESIGN.md invariant 7). Redis holds it when it
// can, so every API process agrees; an in-memory fallback with the same rules takes over whenever Redis is
// absent or failing. The service calls check() before any work and record() only after a success, and the
// same article+voice (itemKey) counts once a day.
import { LRUCache } from "lru-cache";
import type { Logger } from "pino";
import type { Redis } from "../cache/redis";
import { createLogger } from "../logger";

export interface QuotaCheck {
  allowed: boolean;
  count: number;
  limit: number;
  /** this item was already counted today, so serving it again costs nothing */
  alreadyCounted: boolean;
}

export interface DailyQuota {
  check(trackingKey: string, itemKey: string): Promise<QuotaCheck>;
  record(trackingKey: string, itemKey: string): Promise<{ count: number; limit: number }>;
}

export interface DailyQuotaOptions {
  redis?: Redis;
  limit?: number;
  maxMemoryEntries?: number;
  now?: () => Date;
  logger?: Logger;
}

const utcDay = (date: Date) => date.toISOString().slice(0, 10);

const nextUtcMidnight = (date: Date) => Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1);

/** Whole seconds until the next UTC midnight, when the quota resets (at least 1): the Retry-After of DAILY_LIMIT. */
export function secondsUntilUtcMidnight(now: Date): number {
  return Math.max(1, Math.ceil((nextUtcMidnight(now) - now.getTime()) / 1000));
}

export const usageKey = (trackingKey: string, day: string) => `tts-usage:${trackingKey}:${day}`;
export const dedupKey = (trackingKey: string, day: string) => `tts-dedup:${trackingKey}:${day}`;

// Adds the item to the day's set and counts it only if it was new, in one atomic step, so two concurrent
// successes of the same article cannot both count. KEYS: usage, dedup. ARGV: item, expiry (unix seconds).
const RECORD_SCRIPT = `
local added = redis.call('SADD', KEYS[2], ARGV[1])
redis.call('EXPIREAT', KEYS[2], ARGV[2])
local count
if added == 1 then
  count = redis.call('INCR', KEYS[1])
  redis.call('EXPIREAT', KEYS[1], ARGV[2])
else
  count = tonumber(redis.call('GET', KEYS[1]) or '0')
end
return count
`;

export function createDailyQuota({
  redis,
  limit = 3,
  maxMemoryEntries = 5000,
  now = () => new Date(),
  logger = createLogger("tts:quota"),
}: DailyQuotaOptions = {}): DailyQuota {
  if (!Number.isInteger(limit) || limit < 0) throw new TypeError(`Expected \`limit\` to be a non-negative integer, got ${String(limit)}`);
  if (!Number.isInteger(maxMemoryEntries) || maxMemoryEntries < 1) {
    throw new TypeError(`Expected \`maxMemoryEntries\` to be a positive integer, got ${String(maxMemoryEntries)}`);
  }
  if (typeof now !== "function") throw new TypeError("Expected `now` to be a function returning a Date");

  // The fallback: one entry per tracking key and day, the oldest evicted past maxMemoryEntries.
  const memory = new LRUCache<string, Set<string>>({ max: maxMemoryEntries });

  const memoryItems = (trackingKey: string, day: string) => memory.get(`${trackingKey}:${day}`);

  const fellBack = (operation: string, error: unknown) => {
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, `Daily quota ${operation} fell back to memory`);
  };

  const assertKeys = (trackingKey: string, itemKey: string) => {
    if (typeof trackingKey !== "string" || trackingKey === "") throw new TypeError("Expected `trackingKey` to be a non-empty string");
    if (typeof itemKey !== "string" || itemKey === "") throw new TypeError("Expected `itemKey` to be a non-empty string");
  };

  const verdict = (count: number, alreadyCounted: boolean): QuotaCheck => ({
    allowed: alreadyCounted || count < limit,
    count,
    limit,
    alreadyCounted,
  });

  const check = async (trackingKey: string, itemKey: string): Promise<QuotaCheck> => {
    assertKeys(trackingKey, itemKey);
    const day = utcDay(now());
    if (redis) {
      try {
        const [count, member] = await Promise.all([redis.get(usageKey(trackingKey, day)), redis.sismember(dedupKey(trackingKey, day), itemKey)]);
        return verdict(Number(count ?? 0), member === 1);
      } catch (error) {
        fellBack("check", error);
      }
    }
    const items = memoryItems(trackingKey, day);
    return verdict(items?.size ?? 0, items?.has(itemKey) ?? false);
  };

  const record = async (trackingKey: string, itemKey: string): Promise<{ count: number; limit: number }> => {
    assertKeys(trackingKey, itemKey);
    const date = now();
    const day = utcDay(date);
    if (redis) {
      try {
        const expireAt = Math.floor(nextUtcMidnight(date) / 1000);
        const count = await redis.eval(RECORD_SCRIPT, 2, usageKey(trackingKey, day), dedupKey(trackingKey, day), itemKey, expireAt);
        return { count: Number(count), limit };
      } catch (error) {
        fellBack("record", error);
      }
    }
    const key = `${trackingKey}:${day}`;
    const items = memory.get(key) ?? new Set<string>();
    items.add(itemKey);
    memory.set(key, items);
    return { count: items.size, limit };
  };

  return { check, record };
}
