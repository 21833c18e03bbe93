// The daily quota against a real redis-server (the integration run's shared one, in a database of its own).
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createRedis, type Redis } from "@/server/cache/redis";
import { createDailyQuota, dedupKey, heldKey, usageKey, type DailyQuota } from "@/server/quota/daily-quota";
import { captureLogger } from "../support/capture-logger";
import { ready } from "../support/redis-client";

const url = `${inject("redisUrl")}/7`;
let redis: Redis;
const quiet = () => captureLogger("tts:quota").logger;
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  redis = createRedis(url, { logger: quiet() });
  await ready(redis);
});
beforeEach(async () => {
  await redis.flushdb();
});
afterAll(() => {
  redis.disconnect();
});

/** Reserves and commits, as a request that got its audio does. */
async function serve(quota: DailyQuota, trackingKey: string, itemKey: string) {
  const reservation = await quota.reserve(trackingKey, itemKey);
  return reservation.allowed ? reservation.commit() : undefined;
}

describe("daily quota in Redis", () => {
  it("counts distinct articles in tts-usage:{trackingKey}:{day} and refuses past the limit", async () => {
    const quota = createDailyQuota({ redis, limit: 3, logger: quiet() });
    for (const item of ["a:Ashley", "b:Ashley", "c:Ashley"]) {
      expect(await serve(quota, "anon:203.0.113.7", item)).toBeDefined();
    }
    expect(await redis.get(usageKey("anon:203.0.113.7", today()))).toBe("3");
    expect(await quota.reserve("anon:203.0.113.7", "d:Ashley")).toMatchObject({ allowed: false, count: 3, limit: 3, alreadyCounted: false });
  });

  it("lets exactly `limit` of 8 parallel requests for distinct articles through (the check is the reservation)", async () => {
    const quota = createDailyQuota({ redis, limit: 3, logger: quiet() });
    const reservations = await Promise.all(Array.from({ length: 8 }, (_, i) => quota.reserve("user:6", `article${i}:Ashley`)));
    const allowed = reservations.filter((r) => r.allowed);
    expect(allowed).toHaveLength(3);
    expect(await redis.hlen(heldKey("user:6", today()))).toBe(3);
    await Promise.all(allowed.map((r) => r.commit()));
    expect(await redis.get(usageKey("user:6", today()))).toBe("3");
    expect(await redis.exists(heldKey("user:6", today()))).toBe(0);
  });

  it("gives a released place back, and shares it between processes while held", async () => {
    const one = createDailyQuota({ redis, limit: 1, logger: quiet() });
    const two = createDailyQuota({ redis, limit: 1, logger: quiet() });
    const failing = await one.reserve("user:7", "a");
    expect(await two.reserve("user:7", "b")).toMatchObject({ allowed: false, count: 1 });
    expect(await failing.release()).toEqual({ count: 0, limit: 1 });
    expect(await redis.get(usageKey("user:7", today()))).toBeNull();
    expect(await serve(two, "user:7", "b")).toEqual({ count: 1, limit: 1 });
  });

  it("counts the same article+voice once, keeping it in the tts-dedup set, and lets it through again", async () => {
    const quota = createDailyQuota({ redis, limit: 1, logger: quiet() });
    expect(await serve(quota, "user:1", "a:Ashley")).toEqual({ count: 1, limit: 1 });
    expect(await serve(quota, "user:1", "a:Ashley")).toEqual({ count: 1, limit: 1 });
    expect(await redis.smembers(dedupKey("user:1", today()))).toEqual(["a:Ashley"]);
    expect(await quota.reserve("user:1", "a:Ashley")).toMatchObject({ allowed: true, count: 1, limit: 1, alreadyCounted: true });
    expect((await quota.reserve("user:1", "a:Dennis")).allowed).toBe(false);
  });

  it("takes back a commit on refund, in tts-usage and tts-dedup, and only the charge that commit made", async () => {
    const quota = createDailyQuota({ redis, limit: 1, logger: quiet() });
    const streamed = await quota.reserve("user:1", "a:Ashley");
    expect(await streamed.commit()).toEqual({ count: 1, limit: 1 });
    expect(await streamed.refund()).toEqual({ count: 0, limit: 1 });
    expect(await redis.smembers(dedupKey("user:1", today()))).toEqual([]);
    expect(await serve(quota, "user:1", "b:Ashley")).toEqual({ count: 1, limit: 1 });
    const replay = await quota.reserve("user:1", "b:Ashley");
    expect(await replay.commit()).toEqual({ count: 1, limit: 1 });
    expect(await replay.refund()).toEqual({ count: 1, limit: 1 });
    expect(await redis.get(usageKey("user:1", today()))).toBe("1");
  });

  it("counts concurrent requests for the same article once, all of them allowed", async () => {
    const quota = createDailyQuota({ redis, limit: 1, logger: quiet() });
    const reservations = await Promise.all(Array.from({ length: 10 }, () => quota.reserve("user:2", "same:Ashley")));
    expect(reservations.every((r) => r.allowed)).toBe(true);
    await Promise.all(reservations.map((r) => r.commit()));
    expect(await redis.get(usageKey("user:2", today()))).toBe("1");
  });

  it("never counts a reservation that is released", async () => {
    const quota = createDailyQuota({ redis, logger: quiet() });
    await (await quota.reserve("user:3", "a")).release();
    expect(await redis.exists(usageKey("user:3", today()), dedupKey("user:3", today()), heldKey("user:3", today()))).toBe(0);
  });

  it("lets a reservation nobody settles lapse after reservationTtlMs", async () => {
    let now = new Date();
    const quota = createDailyQuota({ redis, limit: 1, reservationTtlMs: 60_000, now: () => now, logger: quiet() });
    await quota.reserve("user:8", "forgotten");
    expect((await quota.reserve("user:8", "b")).allowed).toBe(false);
    now = new Date(now.getTime() + 60_000);
    expect(await quota.reserve("user:8", "b")).toMatchObject({ allowed: true, count: 0 });
  });

  it("expires every key at the end of the UTC day", async () => {
    const quota = createDailyQuota({ redis, logger: quiet() });
    const now = new Date();
    await serve(quota, "user:4", "a");
    await quota.reserve("user:4", "b");
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) / 1000;
    expect(await redis.expiretime(usageKey("user:4", today()))).toBe(midnight);
    expect(await redis.expiretime(dedupKey("user:4", today()))).toBe(midnight);
    expect(await redis.expiretime(heldKey("user:4", today()))).toBe(midnight);
  });

  it("shares counts between API processes through Redis", async () => {
    const one = createDailyQuota({ redis, limit: 2, logger: quiet() });
    const two = createDailyQuota({ redis, limit: 2, logger: quiet() });
    await serve(one, "user:5", "a");
    await serve(two, "user:5", "b");
    expect(await one.reserve("user:5", "c")).toMatchObject({ allowed: false, count: 2 });
  });
});
