// The daily quota and the IP rate limit as readers meet them: the API composed in process (a real API process
// where a reader disconnects or the socket's peer address matters), a real redis-server (a database of this
// file's own, or a stopped server) and the local voice server.
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { uniqueSentence } from "../support/articles";
import { composeApi } from "../support/in-process-api";
import { startApi, startRedis } from "../support/processes";
import { AUTH_SECRET, getHealth, postTts, sessionToken, usageOf, type ApiTarget } from "../support/tts-api";
import { setUpServingApi } from "../support/serving-api";
import { voiceControl } from "../support/voice-control";

const redisUrl = `${inject("redisUrl")}/11`;
const voiceUrl = inject("voiceUrl");
const voice = voiceControl(voiceUrl);
const base = { INWORLD_API_KEY: "integration", INWORLD_BASE_URL: voiceUrl, AUTH_SECRET };

// One paragraph, one chunk: cheap to generate.
const shortArticle = () => `Free readers get three articles a day. ${uniqueSentence()}`;
let ipCounter = 0;
/** A client address of its own (TEST-NET-3), so one test's count never meets another's. */
const freshIp = () => `203.0.113.${++ipCounter}`;

/** Articles already in the API's article cache: a premium reader (never metered) asked for them first. */
async function cachedArticles(api: ApiTarget, count: number): Promise<string[]> {
  const premium = await sessionToken("premium", "quota-warmer");
  const texts = Array.from({ length: count }, shortArticle);
  for (const text of texts) expect((await postTts(api, { text, token: premium })).status).toBe(200);
  return texts;
}

/** Eight distinct articles asked for at once by one anonymous reader: their statuses and usage counts. */
async function eightAtOnce(api: ApiTarget, { cached }: { cached: boolean }) {
  const texts = cached ? await cachedArticles(api, 8) : Array.from({ length: 8 }, shortArticle);
  const ip = freshIp();
  const answers = await Promise.all(texts.map((text) => postTts(api, { text, forwardedFor: ip })));
  const refusals = await Promise.all(answers.filter((res) => res.status === 429).map(async (res) => ((await res.json()) as { code: string }).code));
  return {
    statuses: answers.map((res) => res.status).sort(),
    servedCounts: answers
      .filter((res) => res.status === 200)
      .map((res) => usageOf(res)?.count)
      .sort(),
    refusals,
    ip,
  };
}

const env = { ...base, TTS_RATE_LIMIT_PER_MIN: "10000" };
const served = setUpServingApi({ redisUrl, voiceUrl, env });

describe("the daily quota through /api/tts", () => {
  it("counts an anonymous reader's articles 1, 2, 3 in the usage headers, then refuses with 429 DAILY_LIMIT", async () => {
    const ip = freshIp();
    const counts = [];
    for (let i = 0; i < 3; i++) {
      const res = await postTts(served.api, { text: shortArticle(), forwardedFor: ip });
      expect(res.status).toBe(200);
      counts.push(usageOf(res));
    }
    expect(counts).toEqual([1, 2, 3].map((count) => ({ count, limit: 3 })));

    const refused = await postTts(served.api, { text: shortArticle(), forwardedFor: ip });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: "DAILY_LIMIT" });
    expect(usageOf(refused)).toEqual({ count: 3, limit: 3 });
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(24 * 60 * 60);
    // Kept where every API process sees it.
    expect(await served.admin.keys(`tts-usage:anon:${ip}:*`)).toHaveLength(1);
  });

  it("counts the same article and voice once a day, and still serves it past the limit", async () => {
    const ip = freshIp();
    const text = shortArticle();
    expect(usageOf(await postTts(served.api, { text, forwardedFor: ip }))).toEqual({ count: 1, limit: 3 });
    expect(usageOf(await postTts(served.api, { text, forwardedFor: ip }))).toEqual({ count: 1, limit: 3 });
    expect(usageOf(await postTts(served.api, { text, voice: "Dennis", forwardedFor: ip }))).toEqual({ count: 2, limit: 3 });
    await postTts(served.api, { text: shortArticle(), forwardedFor: ip });
    expect((await postTts(served.api, { text: shortArticle(), forwardedFor: ip })).status).toBe(429);

    const replay = await postTts(served.api, { text, forwardedFor: ip });
    expect(replay.status).toBe(200);
    expect(usageOf(replay)).toEqual({ count: 3, limit: 3 });
  });

  it("lets exactly 3 of 8 parallel requests for cached articles through: the check and the charge are one step", async () => {
    const { statuses, servedCounts, refusals, ip } = await eightAtOnce(served.api, { cached: true });
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429, 429, 429]);
    expect(servedCounts).toEqual([1, 2, 3]);
    expect(refusals).toEqual(Array(5).fill("DAILY_LIMIT"));
    const day = new Date().toISOString().slice(0, 10);
    expect(await served.admin.get(`tts-usage:anon:${ip}:${day}`)).toBe("3");
  });

  it("counts two concurrent requests for the same article once, and serves both", async () => {
    const ip = freshIp();
    const text = shortArticle();
    const both = await Promise.all([postTts(served.api, { text, forwardedFor: ip }), postTts(served.api, { text, forwardedFor: ip })]);
    expect(both.map((res) => res.status)).toEqual([200, 200]);
    expect(both.map(usageOf)).toEqual([
      { count: 1, limit: 3 },
      { count: 1, limit: 3 },
    ]);
    expect((await voice.stats()).requests).toBe(1);
  });

  it("does not count a failed generation (invariant 7)", async () => {
    const ip = freshIp();
    const text = shortArticle();
    await voice.control({ failNext: [500] });
    const failed = await postTts(served.api, { text, forwardedFor: ip });
    expect(failed.status).toBe(502);
    expect(usageOf(failed)).toEqual({ count: 0, limit: 3 });

    const retried = await postTts(served.api, { text, forwardedFor: ip });
    expect(retried.status).toBe(200);
    expect(usageOf(retried)).toEqual({ count: 1, limit: 3 });
  });

  it("gives the place a failed generation reserved back, so the last article of the day can still be read", async () => {
    const ip = freshIp();
    for (let i = 0; i < 2; i++) expect((await postTts(served.api, { text: shortArticle(), forwardedFor: ip })).status).toBe(200);
    await voice.control({ failNext: [500] });
    const failed = await postTts(served.api, { text: shortArticle(), forwardedFor: ip });
    expect(failed.status).toBe(502);
    expect(usageOf(failed)).toEqual({ count: 2, limit: 3 });
    const last = await postTts(served.api, { text: shortArticle(), forwardedFor: ip });
    expect(last.status).toBe(200);
    expect(usageOf(last)).toEqual({ count: 3, limit: 3 });
  });

  it("gives the place back when the reader goes away mid-generation", async () => {
    // A real process: the reader's leaving is a socket closing.
    const api = await startApi({ ...env, REDIS_URL: redisUrl });
    try {
      const ip = freshIp();
      await voice.control({ latencyMs: 5_000 });
      const controller = new AbortController();
      const abandoned = postTts(api.url, { text: shortArticle(), forwardedFor: ip, signal: controller.signal }).catch((error: Error) => error);
      await expect.poll(async () => (await voice.stats()).inFlight).toBeGreaterThan(0);
      controller.abort();
      expect(await abandoned).toBeInstanceOf(Error);
      const day = new Date().toISOString().slice(0, 10);
      await expect.poll(() => served.admin.hlen(`tts-held:anon:${ip}:${day}`)).toBe(0);

      await voice.reset();
      const counts = [];
      for (let i = 0; i < 3; i++) counts.push(usageOf(await postTts(api.url, { text: shortArticle(), forwardedFor: ip }))?.count);
      expect(counts).toEqual([1, 2, 3]);
    } finally {
      await api.stop();
    }
  });

  it("counts a signed-in free reader by account, whatever their address, and never a premium reader", async () => {
    const free = await sessionToken("free", "quota-free");
    expect(usageOf(await postTts(served.api, { text: shortArticle(), token: free, forwardedFor: freshIp() }))).toEqual({ count: 1, limit: 3 });
    expect(usageOf(await postTts(served.api, { text: shortArticle(), token: free, forwardedFor: freshIp() }))).toEqual({ count: 2, limit: 3 });

    const premium = await sessionToken("premium", "quota-premium");
    for (let i = 0; i < 4; i++) {
      const res = await postTts(served.api, { text: shortArticle(), token: premium });
      expect(res.status).toBe(200);
      expect(usageOf(res)).toBeNull();
    }
  });

  it("still answers 200 with Redis down and enforces the quota from memory (invariant 11)", async () => {
    const stopped = await startRedis();
    await stopped.stop();
    // Eight slots a reader, so eight new articles at once meet the quota and not the per-reader limit.
    const degraded = await composeApi({ ...env, REDIS_URL: stopped.url, MAX_TTS_PER_USER: "8" }, { redisDown: true });
    try {
      const ip = freshIp();
      const first = shortArticle();
      const counts = [];
      // The third request repeats the first article: served again, counted once.
      for (const text of [first, shortArticle(), first, shortArticle()]) {
        const res = await postTts(degraded, { text, forwardedFor: ip });
        expect(res.status).toBe(200);
        counts.push(usageOf(res)?.count);
      }
      expect(counts).toEqual([1, 2, 2, 3]);
      expect((await postTts(degraded, { text: shortArticle(), forwardedFor: ip })).status).toBe(429);

      // The memory fallback reserves as atomically as Redis does, for cached articles and for new ones.
      for (const cached of [true, false]) {
        const { statuses, servedCounts, refusals } = await eightAtOnce(degraded, { cached });
        expect(statuses).toEqual([200, 200, 200, 429, 429, 429, 429, 429]);
        expect(servedCounts).toEqual([1, 2, 3]);
        expect(refusals).toEqual(Array(5).fill("DAILY_LIMIT"));
      }
      const { redis } = (await getHealth(degraded)).tts;
      expect(redis.configured).toBe(true);
      expect(redis.errors).toBeGreaterThan(0);
    } finally {
      await degraded.close();
    }
  });
});

describe("the IP rate limit", () => {
  const hammer = async (api: ApiTarget, headers: (i: number) => string | undefined, times: number) => {
    const text = shortArticle();
    const statuses = [];
    for (let i = 0; i < times; i++) statuses.push((await postTts(api, { text, forwardedFor: headers(i) })).status);
    return { statuses, text };
  };

  it("answers the 11th request in a minute from one address with 429 RATE_LIMITED and Retry-After", async () => {
    const limited = await composeApi({ ...base, REDIS_URL: redisUrl });
    try {
      const ip = freshIp();
      const { statuses, text } = await hammer(limited, () => ip, 10);
      expect(statuses).toEqual(Array(10).fill(200));
      const refused = await postTts(limited, { text, forwardedFor: ip });
      expect(refused.status).toBe(429);
      expect(await refused.json()).toMatchObject({ code: "RATE_LIMITED" });
      const retryAfter = Number(refused.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);

      // X-Forwarded-For from a trusted proxy (loopback, the default) names the client: another address is let through.
      expect((await postTts(limited, { text, forwardedFor: freshIp() })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it("ignores X-Forwarded-For when TRUST_PROXY=none: every request counts against the peer's address", async () => {
    // A real process: the peer's address is the socket's.
    const untrusting = await startApi({ ...base, REDIS_URL: redisUrl, TRUST_PROXY: "none" });
    try {
      const { statuses } = await hammer(untrusting.url, () => freshIp(), 11);
      expect(statuses).toEqual([...Array(10).fill(200), 429]);
    } finally {
      await untrusting.stop();
    }
  });
});
