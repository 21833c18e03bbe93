// The per-IP rate limit (spec "Rate Limiting (3 layers)": in-memory sliding window, 10 requests a minute).
//
// A sliding-window log rather than the two-bucket approximation: at a limit of 10 the log is at most 10
// timestamps a key, so it costs little more memory, it is exact (the approximation can let a burst of up to
// 2× through across a window edge or refuse early), and Retry-After is precisely when the oldest hit leaves
// the window. Memory is bounded twice: at most `limit` timestamps a key and at most `maxKeys` keys, the
// least recently seen evicted first; a key idle for a whole window expires.
import { LRUCache } from "lru-cache";
import { assertPositiveInteger } from "@/lib/args/assert-positive";

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  /** 0 when allowed; otherwise whole seconds until the next hit would be allowed (at least 1) */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  hit(key: string, now?: number): RateLimitResult;
}

export interface RateLimiterOptions {
  limit: number;
  windowMs: number;
  maxKeys?: number;
}

export function createRateLimiter({ limit, windowMs, maxKeys = 10_000 }: RateLimiterOptions): RateLimiter {
  assertPositiveInteger("limit", limit);
  assertPositiveInteger("windowMs", windowMs);
  assertPositiveInteger("maxKeys", maxKeys);

  // Timestamps of the allowed hits inside the window, oldest first. Refused hits are not logged, so a
  // client that keeps hammering is let back in once its earlier allowed hits age out.
  const logs = new LRUCache<string, number[]>({ max: maxKeys, ttl: windowMs });

  const hit = (key: string, now: number = Date.now()): RateLimitResult => {
    const log = logs.get(key) ?? [];
    const windowStart = now - windowMs;
    let expired = 0;
    while (expired < log.length && log[expired] <= windowStart) expired += 1;
    if (expired > 0) log.splice(0, expired);

    if (log.length < limit) {
      log.push(now);
      logs.set(key, log);
      return { allowed: true, remaining: limit - log.length, retryAfterSeconds: 0 };
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((log[0] + windowMs - now) / 1000));
    return { allowed: false, remaining: 0, retryAfterSeconds };
  };

  return { hit };
}
