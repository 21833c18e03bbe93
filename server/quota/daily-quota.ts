// The free and anonymous daily quota (docs/architecture.md invariant 7). Redis holds it when it
// can, so every API process agrees; an in-memory fallback with the same rules takes over whenever Redis is
// absent or failing.
//
// A request reserves before any work, then commits (the reader got their audio) or releases (anything else).
// A stream commits at its first audio and refunds when the generation then fails on our side.
// The reservation is the check: it compares committed + reserved articles with the limit and takes a place in
// the same atomic step, so parallel requests cannot all pass a check that none of them has yet charged. The
// same article+voice (itemKey) counts once a day: already counted, or reserved by a request still running, it
// is allowed without taking another place. A reservation nobody settles (a crashed process) lapses after
// `reservationTtlMs`, so it cannot hold a place all day.
import { LRUCache } from "lru-cache";
import { FREE_DAILY_LIMIT } from "@/lib/free-tier";
import { utcDay } from "@/lib/time/utc-day";
import type { Logger } from "pino";
import type { Redis } from "../cache/redis";
import { createLogger } from "../logger";
import type { QuotaUsage } from "@/lib/quota/quota-usage";

export type { QuotaUsage };

/** `count` is the articles charged today; when refused, the charged and the reserved ones together. */
export interface QuotaReservation extends QuotaUsage {
  allowed: boolean;
  /** this item was already counted today, so serving it again costs nothing */
  alreadyCounted: boolean;
  /** Charges the item (once a day, however many requests commit it); returns the day's count. Never rejects. */
  commit(): Promise<QuotaUsage>;
  /** Gives the place back: the request failed or was abandoned. Never rejects. */
  release(): Promise<QuotaUsage>;
  /** Takes back this reservation's commit (a stream that failed after its first audio): the item is uncounted
   * when this commit was the one that counted it. Never rejects. */
  refund(): Promise<QuotaUsage>;
}

export interface DailyQuota {
  reserve(trackingKey: string, itemKey: string): Promise<QuotaReservation>;
}

export interface DailyQuotaOptions {
  redis?: Redis;
  limit?: number;
  maxMemoryEntries?: number;
  /** How long an unsettled reservation holds its place. The web proxy gives up on a request after 2 minutes. */
  reservationTtlMs?: number;
  now?: () => Date;
  logger?: Logger;
}

const nextUtcMidnight = (date: Date) => Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1);

/** Whole seconds until the next UTC midnight, when the quota resets (at least 1): the Retry-After of DAILY_LIMIT. */
export function secondsUntilUtcMidnight(now: Date): number {
  return Math.max(1, Math.ceil((nextUtcMidnight(now) - now.getTime()) / 1000));
}

export const usageKey = (trackingKey: string, day: string) => `tts-usage:${trackingKey}:${day}`;
export const dedupKey = (trackingKey: string, day: string) => `tts-dedup:${trackingKey}:${day}`;
/** hash: item → requests holding its reservation */
export const heldKey = (trackingKey: string, day: string) => `tts-held:${trackingKey}:${day}`;
/** sorted set: item → when its reservation lapses (unix ms) */
const heldUntilKey = (trackingKey: string, day: string) => `tts-held-until:${trackingKey}:${day}`;

// Every script takes KEYS: usage (count), dedup (counted items), held, held-until; all four expire at the end
// of the UTC day.
const DAY_KEYS = 4;

// ARGV: item, limit, now (ms), lapse time (ms), end of day (unix s). Returns { allowed, count, alreadyCounted }.
const RESERVE_SCRIPT = `
local lapsed = redis.call('ZRANGEBYSCORE', KEYS[4], '-inf', ARGV[3])
if #lapsed > 0 then
  redis.call('HDEL', KEYS[3], unpack(lapsed))
  redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', ARGV[3])
end
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then return {1, count, 1} end
local reserved = redis.call('HLEN', KEYS[3])
if redis.call('HEXISTS', KEYS[3], ARGV[1]) == 0 and count + reserved >= tonumber(ARGV[2]) then
  return {0, count + reserved, 0}
end
redis.call('HINCRBY', KEYS[3], ARGV[1], 1)
redis.call('ZADD', KEYS[4], ARGV[4], ARGV[1])
redis.call('EXPIREAT', KEYS[3], ARGV[5])
redis.call('EXPIREAT', KEYS[4], ARGV[5])
return {1, count, 0}
`;

// ARGV: item, end of day (unix s). Counted items leave the held hash, so they are never counted twice.
// Returns { count, 1 when this commit counted the item }.
const COMMIT_SCRIPT = `
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
if redis.call('SADD', KEYS[2], ARGV[1]) == 0 then return {tonumber(redis.call('GET', KEYS[1]) or '0'), 0} end
redis.call('EXPIREAT', KEYS[2], ARGV[2])
local count = redis.call('INCR', KEYS[1])
redis.call('EXPIREAT', KEYS[1], ARGV[2])
return {count, 1}
`;

// ARGV: item. Only a charge this request made is taken back: the caller runs it after a commit that counted.
const REFUND_SCRIPT = `
if redis.call('SREM', KEYS[2], ARGV[1]) == 1 then return redis.call('DECR', KEYS[1]) end
return tonumber(redis.call('GET', KEYS[1]) or '0')
`;

// ARGV: item. A place is freed when the last request holding it lets go.
const RELEASE_SCRIPT = `
if redis.call('HEXISTS', KEYS[3], ARGV[1]) == 1 and redis.call('HINCRBY', KEYS[3], ARGV[1], -1) <= 0 then
  redis.call('HDEL', KEYS[3], ARGV[1])
  redis.call('ZREM', KEYS[4], ARGV[1])
end
return tonumber(redis.call('GET', KEYS[1]) or '0')
`;

/** One reader's day in the memory fallback, as the four Redis keys hold it: counted items (their number is
 * the count) and reservations with the requests holding them and when they lapse. */
interface MemoryDay {
  counted: Set<string>;
  held: Map<string, { holders: number; until: number }>;
}

interface Verdict {
  allowed: boolean;
  count: number;
  alreadyCounted: boolean;
}

export function createDailyQuota({
  redis,
  limit = FREE_DAILY_LIMIT,
  maxMemoryEntries = 5000,
  reservationTtlMs = 10 * 60 * 1000,
  now = () => new Date(),
  logger = createLogger("tts:quota"),
}: DailyQuotaOptions = {}): DailyQuota {
  if (!Number.isInteger(limit) || limit < 0) throw new TypeError(`Expected \`limit\` to be a non-negative integer, got ${String(limit)}`);
  if (!Number.isInteger(maxMemoryEntries) || maxMemoryEntries < 1) {
    throw new TypeError(`Expected \`maxMemoryEntries\` to be a positive integer, got ${String(maxMemoryEntries)}`);
  }
  if (!Number.isFinite(reservationTtlMs) || reservationTtlMs <= 0) {
    throw new TypeError(`Expected \`reservationTtlMs\` to be a positive number, got ${String(reservationTtlMs)}`);
  }
  if (typeof now !== "function") throw new TypeError("Expected `now` to be a function returning a Date");

  // The fallback: one entry per tracking key and day, the oldest evicted past maxMemoryEntries.
  const memory = new LRUCache<string, MemoryDay>({ max: maxMemoryEntries });

  const memoryDay = (trackingKey: string, day: string): MemoryDay => {
    const key = `${trackingKey}:${day}`;
    let entry = memory.get(key);
    if (!entry) {
      entry = { counted: new Set(), held: new Map() };
      memory.set(key, entry);
    }
    return entry;
  };

  // Synchronous from start to end: nothing else runs between the comparison and the reservation.
  const memoryReserve = (entry: MemoryDay, itemKey: string, nowMs: number): Verdict => {
    for (const [item, hold] of entry.held) if (hold.until <= nowMs) entry.held.delete(item);
    const count = entry.counted.size;
    if (entry.counted.has(itemKey)) return { allowed: true, count, alreadyCounted: true };
    const hold = entry.held.get(itemKey);
    if (!hold && count + entry.held.size >= limit) return { allowed: false, count: count + entry.held.size, alreadyCounted: false };
    entry.held.set(itemKey, { holders: (hold?.holders ?? 0) + 1, until: nowMs + reservationTtlMs });
    return { allowed: true, count, alreadyCounted: false };
  };

  const memoryCommit = (entry: MemoryDay, itemKey: string) => {
    entry.held.delete(itemKey);
    const counted = entry.counted.has(itemKey) ? 0 : 1;
    entry.counted.add(itemKey);
    return [entry.counted.size, counted];
  };

  const memoryRefund = (entry: MemoryDay, itemKey: string) => {
    entry.counted.delete(itemKey);
    return entry.counted.size;
  };

  const memoryRelease = (entry: MemoryDay, itemKey: string) => {
    const hold = entry.held.get(itemKey);
    if (hold && --hold.holders <= 0) entry.held.delete(itemKey);
    return entry.counted.size;
  };

  const fellBack = (operation: string, error: unknown) => {
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, `Daily quota ${operation} fell back to memory`);
  };

  const reserve = async (trackingKey: string, itemKey: string): Promise<QuotaReservation> => {
    if (typeof trackingKey !== "string" || trackingKey === "") throw new TypeError("Expected `trackingKey` to be a non-empty string");
    if (typeof itemKey !== "string" || itemKey === "") throw new TypeError("Expected `itemKey` to be a non-empty string");
    const date = now();
    const day = utcDay(date);
    // The reservation settles where it was taken, against the day it was taken on.
    const keys = [usageKey(trackingKey, day), dedupKey(trackingKey, day), heldKey(trackingKey, day), heldUntilKey(trackingKey, day)];
    const endOfDay = Math.floor(nextUtcMidnight(date) / 1000);

    let verdict: Verdict | undefined;
    let store: Redis | undefined;
    if (redis) {
      try {
        const reply = (await redis.eval(
          RESERVE_SCRIPT,
          DAY_KEYS,
          ...keys,
          itemKey,
          limit,
          date.getTime(),
          date.getTime() + reservationTtlMs,
          endOfDay,
        )) as number[];
        verdict = { allowed: reply[0] === 1, count: Number(reply[1]), alreadyCounted: reply[2] === 1 };
        store = redis;
      } catch (error) {
        fellBack("reserve", error);
      }
    }
    verdict ??= memoryReserve(memoryDay(trackingKey, day), itemKey, date.getTime());

    let usage: QuotaUsage = { count: verdict.count, limit };
    // Settled once: a second commit or release would free or charge a place another request holds.
    let open = verdict.allowed;
    // Whether this reservation's commit counted the item, so a refund takes back only its own charge.
    let counted = false;
    // A script answers a count, or { count, flag }; the memory fallback answers the same.
    const inRedisOrMemory = async (
      operation: string,
      script: string,
      args: Array<string | number>,
      inMemory: (entry: MemoryDay) => number | number[],
    ): Promise<number[]> => {
      const numbers = (reply: unknown) => (Array.isArray(reply) ? reply.map(Number) : [Number(reply)]);
      if (store) {
        try {
          return numbers(await store.eval(script, DAY_KEYS, ...keys, ...args));
        } catch (error) {
          fellBack(operation, error);
        }
      }
      return numbers(inMemory(memoryDay(trackingKey, day)));
    };

    return {
      ...verdict,
      limit,
      async commit() {
        if (!open) return usage;
        open = false;
        const [count, countedNow] = await inRedisOrMemory("commit", COMMIT_SCRIPT, [itemKey, endOfDay], (entry) => memoryCommit(entry, itemKey));
        counted = countedNow === 1;
        usage = { count, limit };
        return usage;
      },
      async release() {
        if (!open) return usage;
        open = false;
        // When Redis fails here, its reservation lapses on its own and the memory count is the fallback's own.
        const [count] = await inRedisOrMemory("release", RELEASE_SCRIPT, [itemKey], (entry) => memoryRelease(entry, itemKey));
        usage = { count, limit };
        return usage;
      },
      async refund() {
        if (!counted) return usage;
        counted = false;
        const [count] = await inRedisOrMemory("refund", REFUND_SCRIPT, [itemKey], (entry) => memoryRefund(entry, itemKey));
        usage = { count, limit };
        return usage;
      },
    };
  };

  return { reserve };
}
