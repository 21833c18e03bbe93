// The in-memory side of the daily quota (no Redis): the same rules the Redis side follows.
import { describe, expect, it } from "vitest";
import { createDailyQuota, secondsUntilUtcMidnight } from "@/server/quota/daily-quota";
import { captureLogger } from "../support/capture-logger";

const at = (iso: string) => () => new Date(iso);
const quiet = () => captureLogger("tts:quota").logger;

describe("createDailyQuota in memory", () => {
  it("allows up to the limit of distinct articles, then refuses a new one", async () => {
    const quota = createDailyQuota({ limit: 3, logger: quiet() });
    for (const [i, item] of ["a", "b", "c"].entries()) {
      expect(await quota.check("anon:1.2.3.4", item)).toEqual({ allowed: true, count: i, limit: 3, alreadyCounted: false });
      expect(await quota.record("anon:1.2.3.4", item)).toEqual({ count: i + 1, limit: 3 });
    }
    expect(await quota.check("anon:1.2.3.4", "d")).toEqual({ allowed: false, count: 3, limit: 3, alreadyCounted: false });
  });

  it("counts the same article+voice once a day and still allows it past the limit", async () => {
    const quota = createDailyQuota({ limit: 1, logger: quiet() });
    await quota.record("u", "article1:Ashley");
    expect(await quota.record("u", "article1:Ashley")).toEqual({ count: 1, limit: 1 });
    expect(await quota.check("u", "article1:Ashley")).toEqual({ allowed: true, count: 1, limit: 1, alreadyCounted: true });
    expect((await quota.check("u", "article1:Dennis")).allowed).toBe(false);
  });

  it("does not count a check, only a record (a failed request costs nothing)", async () => {
    const quota = createDailyQuota({ limit: 1, logger: quiet() });
    await quota.check("u", "a");
    await quota.check("u", "a");
    expect(await quota.check("u", "b")).toMatchObject({ allowed: true, count: 0 });
  });

  it("starts again at the UTC day boundary", async () => {
    let now = new Date("2030-05-01T23:59:59.900Z");
    const quota = createDailyQuota({ limit: 1, now: () => now, logger: quiet() });
    await quota.record("u", "a");
    expect((await quota.check("u", "b")).allowed).toBe(false);
    now = new Date("2030-05-02T00:00:00.000Z");
    expect(await quota.check("u", "b")).toMatchObject({ allowed: true, count: 0 });
  });

  it("keeps users apart", async () => {
    const quota = createDailyQuota({ limit: 1, logger: quiet() });
    await quota.record("user:1", "a");
    expect((await quota.check("user:2", "b")).allowed).toBe(true);
  });

  it("bounds memory at maxMemoryEntries, forgetting the oldest user", async () => {
    const quota = createDailyQuota({ limit: 1, maxMemoryEntries: 2, now: at("2030-01-01T12:00:00Z"), logger: quiet() });
    await quota.record("first", "a");
    await quota.record("second", "a");
    await quota.record("third", "a");
    expect((await quota.check("first", "b")).count).toBe(0);
    expect((await quota.check("third", "b")).count).toBe(1);
  });

  it("allows nothing with a limit of 0", async () => {
    const quota = createDailyQuota({ limit: 0, logger: quiet() });
    expect((await quota.check("u", "a")).allowed).toBe(false);
  });

  it.each([
    ["limit", { limit: -1 }],
    ["limit", { limit: 1.5 }],
    ["maxMemoryEntries", { maxMemoryEntries: 0 }],
    ["now", { now: "today" as unknown as () => Date }],
  ])("rejects a bad %s with a TypeError naming it", (name, options) => {
    expect(() => createDailyQuota(options)).toThrow(TypeError);
    expect(() => createDailyQuota(options)).toThrow(name);
  });

  it("rejects empty keys with a TypeError naming them", async () => {
    const quota = createDailyQuota({ logger: quiet() });
    await expect(quota.check("", "a")).rejects.toThrow(/trackingKey/);
    await expect(quota.record("u", "")).rejects.toThrow(/itemKey/);
  });
});

describe("secondsUntilUtcMidnight", () => {
  it.each([
    ["2030-05-01T00:00:00.000Z", 86_400],
    ["2030-05-01T23:00:00.000Z", 3_600],
    ["2030-05-01T23:59:59.001Z", 1],
    ["2030-05-01T23:59:59.999Z", 1],
    ["2030-12-31T12:00:00.000Z", 43_200],
  ])("%s → %i s", (iso, seconds) => {
    expect(secondsUntilUtcMidnight(new Date(iso))).toBe(seconds);
  });
});
