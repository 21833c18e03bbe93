// Which replica generates an article+voice (cross-replica dedup, docs/deploy.md). The first replica to set the
// lease (SET NX PX) leads; it renews the lease while it works and deletes it when done. A replica that dies
// stops renewing, so its lease lapses after `leaseMs` and a waiting replica can take over.
//
// Renewing and deleting check the token first (one script each): a replica that stalled past its lease must
// not extend or delete the lease a successor now holds.
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { assertPositiveInteger } from "@/lib/args/assert-positive";
import type { Redis } from "../../cache/redis";

const RENEW_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
const RELEASE_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export const leaseKey = (key: string) => `tts:lease:${key}`;

export interface Lease {
  token: string;
  /** Stops renewing and, if the lease is still this one, deletes it, or with `afterMs` lets it lapse then.
   * Only the first call counts. Never rejects. */
  release(afterMs?: number): Promise<void>;
}

/** Either this caller now holds the lease, or `holder` (its token) does. */
export type LeaseAttempt = { lease: Lease; holder?: undefined } | { lease?: undefined; holder: string };

export interface GenerationLeases {
  readonly leaseMs: number;
  /** Takes the lease on `key`, or names the token holding it. Rejects when Redis fails. */
  acquire(key: string): Promise<LeaseAttempt>;
  /** The token holding `key` now; undefined when nobody does. Rejects when Redis fails. */
  holder(key: string): Promise<string | undefined>;
}

export function createGenerationLeases({ redis, leaseMs, logger }: { redis: Redis; leaseMs: number; logger: Logger }): GenerationLeases {
  assertPositiveInteger("leaseMs", leaseMs);

  const hold = (key: string, token: string): Lease => {
    // Three renewals a lease: one slow round trip does not lose it.
    const timer = setInterval(
      () => {
        redis.eval(RENEW_SCRIPT, 1, leaseKey(key), token, leaseMs).then(
          (renewed) => {
            if (renewed !== 1) {
              clearInterval(timer);
              logger.warn({ key }, "TTS lease lost: another replica may generate the same article");
            }
          },
          // A failed renewal is retried at the next tick; the lease lapses if Redis stays away.
          () => {},
        );
      },
      Math.max(1, Math.floor(leaseMs / 3)),
    );
    timer.unref();
    let released: Promise<void> | undefined;
    return {
      token,
      release(afterMs = 0) {
        clearInterval(timer);
        released ??= (
          afterMs > 0 ? redis.eval(RENEW_SCRIPT, 1, leaseKey(key), token, afterMs) : redis.eval(RELEASE_SCRIPT, 1, leaseKey(key), token)
        ).then(
          () => undefined,
          () => undefined,
        );
        return released;
      },
    };
  };

  const holder = async (key: string) => (await redis.get(leaseKey(key))) ?? undefined;

  return {
    leaseMs,
    holder,
    async acquire(key) {
      const token = randomUUID();
      // The holder may let go between our SET and our GET: then the lease is free again, so try again.
      for (;;) {
        if ((await redis.set(leaseKey(key), token, "PX", leaseMs, "NX")) === "OK") return { lease: hold(key, token) };
        const current = await holder(key);
        if (current !== undefined) return { holder: current };
      }
    },
  };
}
