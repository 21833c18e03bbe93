// The daily quota against a real redis-server (the integration run's shared one, in a database of its own).
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createRedis, type Redis } from "@/server/cache/redis";
import { createDailyQuota, dedupKey, usageKey } from "@/server/quota/daily-quota";
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

describe("daily quota in Redis", () => {
  it("counts distinct articles in tts-usage:{trackingKey}:{day} and refuses past the limit", async () => {
    const quota = createDailyQuota({ redis, limit: 3, logger: quiet() });
    for (const item of ["a:Ashley", "b:Ashley", "c:Ashley"]) {
      expect((await quota.check("anon:203.0.113.7", item)).allowed).toBe(true);
      await quota.record("anon:203.0.113.7", item);
    }
    expect(await redis.get(usageKey("anon:203.0.113.7", today()))).toBe("3");
    expect(await quota.check("anon:203.0.113.7", "d:Ashley")).toEqual({ allowed: false, count: 3, limit: 3, alreadyCounted: false });
  });

  it("counts the same article+voice once, keeping it in the tts-dedup set, and lets it through again", async () => {
    const quota = createDailyQuota({ redis, limit: 1, logger: quiet() });
    expect(await quota.record("user:1", "a:Ashley")).toEqual({ count: 1, limit: 1 });
    expect(await quota.record("user:1", "a:Ashley")).toEqual({ count: 1, limit: 1 });
    expect(await redis.smembers(dedupKey("user:1", today()))).toEqual(["a:Ashley"]);
    expect(await quota.check("user:1", "a:Ashley")).toEqual({ allowed: true, count: 1, limit: 1, alreadyCounted: true });
    expect((await quota.check("user:1", "a:Dennis")).allowed).toBe(false);
  });

  it("counts concurrent successes of the same article once (the record is atomic)", async () => {
    const quota = createDailyQuota({ redis, limit: 3, logger: quiet() });
    await Promise.all(Array.from({ length: 10 }, () => quota.record("user:2", "same:Ashley")));
    expect(await redis.get(usageKey("user:2", today()))).toBe("1");
  });

  it("never counts a check", async () => {
    const quota = createDailyQuota({ redis, logger: quiet() });
    await quota.check("user:3", "a");
    expect(await redis.exists(usageKey("user:3", today()), dedupKey("user:3", today()))).toBe(0);
  });

  it("expires both keys at the end of the UTC day", async () => {
    const quota = createDailyQuota({ redis, logger: quiet() });
    const now = new Date();
    await quota.record("user:4", "a");
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) / 1000;
    expect(await redis.expiretime(usageKey("user:4", today()))).toBe(midnight);
    expect(await redis.expiretime(dedupKey("user:4", today()))).toBe(midnight);
  });

  it("shares counts between API processes through Redis", async () => {
    const one = createDailyQuota({ redis, limit: 2, logger: quiet() });
    const two = createDailyQuota({ redis, limit: 2, logger: quiet() });
    await one.record("user:5", "a");
    await two.record("user:5", "b");
    expect(await one.check("user:5", "c")).toMatchObject({ allowed: false, count: 2 });
  });
});
