// The per-IP rate limits (10 TTS requests a minute; 20 imports a minute),
// shared by every API replica through Redis, so N replicas still allow one limit per client and not N
// (docs/deploy.md). rate-limiter-flexible keeps the count in Redis with one atomic script, and its insurance
// limiter, the same limit in this process's memory, answers whenever Redis is absent, not ready or failing
// (docs/architecture.md invariant 11): a Redis outage loosens the limit to one per replica, never to none.
//
// Its window is fixed per client, opened by the client's first request and closed a window later (not aligned
// to the clock): a client gets `limit` requests per window, and Retry-After is when its window closes. A
// refused request is counted too but does not lengthen the window, so a client that keeps trying is let back
// in when the window closes. In memory a client's entry lives one window at most.
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { assertPositiveInteger } from "@/lib/args/assert-positive";
import type { Redis } from "../cache/redis";

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  /** 0 when allowed; otherwise whole seconds until the next request would be allowed (at least 1) */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  hit(key: string): Promise<RateLimitResult>;
}

export interface RateLimiterOptions {
  limit: number;
  /** whole seconds (rate-limiter-flexible counts in seconds) */
  windowMs: number;
  /** absent: this process's memory only */
  redis?: Redis;
  /** names the limit in Redis: each limit counts apart */
  keyPrefix: string;
}

export function createRateLimiter({ limit, windowMs, redis, keyPrefix }: RateLimiterOptions): RateLimiter {
  assertPositiveInteger("limit", limit);
  assertPositiveInteger("windowMs", windowMs);
  if (windowMs % 1000 !== 0) throw new TypeError(`Expected \`windowMs\` to be whole seconds, got ${windowMs}`);
  if (typeof keyPrefix !== "string" || keyPrefix === "") throw new TypeError("Expected `keyPrefix` to be a non-empty string");
  const window = { points: limit, duration: windowMs / 1000, keyPrefix: `rl:${keyPrefix}` };
  const memory = new RateLimiterMemory(window);
  // rejectIfRedisNotReady: while the client reconnects, the insurance answers at once instead of each request
  // waiting for a command to fail.
  const limiter = redis ? new RateLimiterRedis({ ...window, storeClient: redis, insuranceLimiter: memory, rejectIfRedisNotReady: true }) : memory;

  return {
    async hit(key) {
      try {
        const res = await limiter.consume(key);
        return { allowed: true, remaining: res.remainingPoints, retryAfterSeconds: 0 };
      } catch (refusal) {
        // A refusal is a RateLimiterRes; anything else is a failure the insurance limiter should have caught.
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
      }
    },
  };
}
