// The in-memory side of the daily quota (no Redis): the same rules the Redis side follows.
import { describe, expect, it } from "vitest";
import { createDailyQuota, secondsUntilUtcMidnight, type DailyQuota } from "@/server/quota/daily-quota";
import { captureLogger } from "../support/capture-logger";

const at = (iso: string) => () => new Date(iso);
const quiet = () => captureLogger("tts:quota").logger;

/** Reserves and commits, as a request that got its audio does. */
async function serve(quota: DailyQuota, trackingKey: string, itemKey: string) {
  const reservation = await quota.reserve(trackingKey, itemKey);
  return reservation.allowed ? reservation.commit() : undefined;
}

describe("createDailyQuota in memory", () => {
  it("allows up to the limit of distinct articles, then refuses a new one", async () => {
    const quota = createDailyQuota({ limit: 3, logger: quiet() });
    for (const [i, item] of ["a", "b", "c"].entries()) {
      const reservation = await quota.reserve("anon:1.2.3.4", item);
      expect(reservation).toMatchObject({ allowed: true, count: i, limit: 3, alreadyCounted: false });
      expect(await reservation.commit()).toEqual({ count: i + 1, limit: 3 });
    }
    expect(await quota.reserve("anon:1.2.3.4", "d")).toMatchObject({ allowed: false, count: 3, limit: 3, alreadyCounted: false });
  });

  it("lets exactly `limit` of 8 parallel requests for distinct articles through (the check is the reservation)", async () => {
    const quota = createDailyQuota({ limit: 3, logger: quiet() });
    const reservations = await Promise.all(Array.from({ length: 8 }, (_, i) => quota.reserve("user:1", `article${i}:Ashley`)));
    expect(reservations.filter((r) => r.allowed)).toHaveLength(3);
    const usages = await Promise.all(reservations.filter((r) => r.allowed).map((r) => r.commit()));
    expect(usages.map((u) => u.count).sort()).toEqual([1, 2, 3]);
    expect((await quota.reserve("user:1", "article9:Ashley")).allowed).toBe(false);
  });

  it("refuses a new article while the last place is reserved by a request still running", async () => {
    const quota = createDailyQuota({ limit: 1, logger: quiet() });
    const running = await quota.reserve("u", "a");
    expect(await quota.reserve("u", "b")).toMatchObject({ allowed: false, count: 1 });
    await running.release();
    expect((await quota.reserve("u", "b")).allowed).toBe(true);
  });

  it("gives the place back when a request releases it (a failed request costs nothing)", async () => {
    const quota = createDailyQuota({ limit: 1, logger: quiet() });
    const failed = await quota.reserve("u", "a");
    expect(await failed.release()).toEqual({ count: 0, limit: 1 });
    const next = await quota.reserve("u", "b");
    expect(next).toMatchObject({ allowed: true, count: 0 });
    expect(await next.commit()).toEqual({ count: 1, limit: 1 });
  });

  it("counts the same article+voice once a day and still allows it past the limit", async () => {
    const quota = createDailyQuota({ limit: 1, logger: quiet() });
    await serve(quota, "u", "article1:Ashley");
    expect(await serve(quota, "u", "article1:Ashley")).toEqual({ count: 1, limit: 1 });
    expect(await quota.reserve("u", "article1:Ashley")).toMatchObject({ allowed: true, count: 1, limit: 1, alreadyCounted: true });
    expect((await quota.reserve("u", "article1:Dennis")).allowed).toBe(false);
  });

  it("lets two concurrent requests for the same article through on one place, and counts it once", async () => {
    const quota = createDailyQuota({ limit: 1, logger: quiet() });
    const [first, second] = await Promise.all([quota.reserve("u", "a"), quota.reserve("u", "a")]);
    expect([first.allowed, second.allowed]).toEqual([true, true]);
    expect(await first.commit()).toEqual({ count: 1, limit: 1 });
    expect(await second.commit()).toEqual({ count: 1, limit: 1 });
    expect((await quota.reserve("u", "b")).allowed).toBe(false);
  });

  it("keeps a shared place while any request holding it still runs", async () => {
    const quota = createDailyQuota({ limit: 1, logger: quiet() });
    const [leaving, staying] = await Promise.all([quota.reserve("u", "a"), quota.reserve("u", "a")]);
    await leaving.release();
    expect((await quota.reserve("u", "b")).allowed).toBe(false);
    await staying.release();
    expect((await quota.reserve("u", "b")).allowed).toBe(true);
  });

  it("takes back a commit on refund (a stream that failed after its first audio), and only the charge it made", async () => {
    const quota = createDailyQuota({ limit: 1, logger: quiet() });
    const streamed = await quota.reserve("u", "a");
    expect(await streamed.commit()).toEqual({ count: 1, limit: 1 });
    expect(await streamed.refund()).toEqual({ count: 0, limit: 1 });
    expect(await streamed.refund()).toEqual({ count: 0, limit: 1 });
    expect(await serve(quota, "u", "b")).toEqual({ count: 1, limit: 1 });
    // "b" was already counted when this reservation committed it: the refund leaves that earlier charge alone.
    const replay = await quota.reserve("u", "b");
    expect(await replay.commit()).toEqual({ count: 1, limit: 1 });
    expect(await replay.refund()).toEqual({ count: 1, limit: 1 });
  });

  it("settles a reservation once: a second release cannot free a place another request holds", async () => {
    const quota = createDailyQuota({ limit: 1, logger: quiet() });
    const [once, other] = await Promise.all([quota.reserve("u", "a"), quota.reserve("u", "a")]);
    await once.release();
    await once.release();
    expect((await quota.reserve("u", "b")).allowed).toBe(false);
    expect(await other.commit()).toEqual({ count: 1, limit: 1 });
    expect(await other.release()).toEqual({ count: 1, limit: 1 });
    expect((await quota.reserve("u", "a")).alreadyCounted).toBe(true);
  });

  it("lets a reservation nobody settles lapse after reservationTtlMs", async () => {
    let now = new Date("2030-05-01T12:00:00.000Z");
    const quota = createDailyQuota({ limit: 1, reservationTtlMs: 60_000, now: () => now, logger: quiet() });
    await quota.reserve("u", "forgotten");
    now = new Date("2030-05-01T12:00:59.000Z");
    expect((await quota.reserve("u", "b")).allowed).toBe(false);
    now = new Date("2030-05-01T12:01:00.000Z");
    expect(await quota.reserve("u", "b")).toMatchObject({ allowed: true, count: 0 });
  });

  it("starts again at the UTC day boundary", async () => {
    let now = new Date("2030-05-01T23:59:59.900Z");
    const quota = createDailyQuota({ limit: 1, now: () => now, logger: quiet() });
    await serve(quota, "u", "a");
    expect((await quota.reserve("u", "b")).allowed).toBe(false);
    now = new Date("2030-05-02T00:00:00.000Z");
    expect(await quota.reserve("u", "b")).toMatchObject({ allowed: true, count: 0 });
  });

  it("keeps users apart", async () => {
    const quota = createDailyQuota({ limit: 1, logger: quiet() });
    await serve(quota, "user:1", "a");
    expect((await quota.reserve("user:2", "b")).allowed).toBe(true);
  });

  it("bounds memory at maxMemoryEntries, forgetting the oldest user", async () => {
    const quota = createDailyQuota({ limit: 1, maxMemoryEntries: 2, now: at("2030-01-01T12:00:00Z"), logger: quiet() });
    await serve(quota, "first", "a");
    await serve(quota, "second", "a");
    await serve(quota, "third", "a");
    expect((await quota.reserve("first", "b")).count).toBe(0);
    expect((await quota.reserve("third", "b")).count).toBe(1);
  });

  it("allows nothing with a limit of 0", async () => {
    const quota = createDailyQuota({ limit: 0, logger: quiet() });
    expect((await quota.reserve("u", "a")).allowed).toBe(false);
  });

  it.each([
    ["limit", { limit: -1 }],
    ["limit", { limit: 1.5 }],
    ["maxMemoryEntries", { maxMemoryEntries: 0 }],
    ["reservationTtlMs", { reservationTtlMs: 0 }],
    ["now", { now: "today" as unknown as () => Date }],
  ])("rejects a bad %s with a TypeError naming it", (name, options) => {
    expect(() => createDailyQuota(options)).toThrow(TypeError);
    expect(() => createDailyQuota(options)).toThrow(name);
  });

  it("rejects empty keys with a TypeError naming them", async () => {
    const quota = createDailyQuota({ logger: quiet() });
    await expect(quota.reserve("", "a")).rejects.toThrow(/trackingKey/);
    await expect(quota.reserve("u", "")).rejects.toThrow(/itemKey/);
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
