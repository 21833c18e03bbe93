// /health as operators read it, and the rows of the spec's Failure Modes table that api-tts.test.ts and the
// other serving-api files do not already cover (Inworld down, its 503, Redis down on the synthesis path).
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { uniqueSentence } from "../support/articles";
import { composeApi } from "../support/in-process-api";
import { freePort, startRedis } from "../support/processes";
import { AUTH_SECRET, callApi, getHealth, postTts, sessionToken } from "../support/tts-api";
import { setUpServingApi } from "../support/serving-api";
import { voiceControl } from "../support/voice-control";

const redisUrl = `${inject("redisUrl")}/12`;
const voiceUrl = inject("voiceUrl");
const voice = voiceControl(voiceUrl);
const HEALTH_TOKEN = "operator-token-for-health";
const base = {
  INWORLD_API_KEY: "integration",
  INWORLD_BASE_URL: voiceUrl,
  AUTH_SECRET,
  TTS_RATE_LIMIT_PER_MIN: "10000",
  TTS_DAILY_FREE_LIMIT: "10000",
};

const shortArticle = () => `Operators watch the health endpoint. ${uniqueSentence()}`;

const served = setUpServingApi({ redisUrl, voiceUrl, env: { ...base, HEALTH_TOKEN } });

describe("GET /health", () => {
  it("has every field of the spec's example", async () => {
    await postTts(served.api, { text: shortArticle() });
    const res = await callApi(served.api, "/health");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const health = (await res.json()) as Awaited<ReturnType<typeof getHealth>>;
    expect(health.status).toBe("ok");
    expect(health.tts).toMatchObject({
      activeSlots: 0,
      queuedRequests: 0,
      maxConcurrentTTS: 15,
      maxPerUser: 2,
      perUserBreakdown: {},
      totalAcquired: expect.any(Number),
      totalRejected: expect.any(Number),
      totalTimedOut: expect.any(Number),
      peakConcurrent: expect.any(Number),
      redis: { hits: expect.any(Number), misses: expect.any(Number), errors: 0, hitRate: expect.stringMatching(/^\d+\.\d%$/) },
    });
    expect(health.tts.totalAcquired).toBeGreaterThanOrEqual(1);
    expect(health.tts.redis.misses).toBeGreaterThanOrEqual(1);
  });

  it("names the readers holding slots only to a caller with the HEALTH_TOKEN", async () => {
    await voice.control({ latencyMs: 1_500 });
    const running = postTts(served.api, { text: shortArticle(), token: await sessionToken("free", "alice") });
    await expect.poll(async () => (await getHealth(served.api)).tts.activeSlots).toBe(1);

    const anonymous = (await getHealth(served.api)).tts.perUserBreakdown;
    const wrongToken = (await getHealth(served.api, "Bearer not-the-token")).tts.perUserBreakdown;
    const operator = (await getHealth(served.api, `Bearer ${HEALTH_TOKEN}`)).tts.perUserBreakdown;
    expect(operator).toEqual({ "user:alice": 1 });
    for (const breakdown of [anonymous, wrongToken]) {
      expect(Object.values(breakdown)).toEqual([1]);
      expect(JSON.stringify(breakdown)).not.toContain("alice");
    }
    expect((await running).status).toBe(200);
  });
});

describe("failure modes (spec table) not covered elsewhere", () => {
  it("Inworld answering 503: 503 UPSTREAM_UNAVAILABLE, shown to the reader as JSON", async () => {
    await voice.control({ failNext: [503] });
    const res = await postTts(served.api, { text: shortArticle() });
    expect(res.status).toBe(503);
    const body = (await res.json()) as { code: string; error: string };
    expect(body.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(body.error.length).toBeGreaterThan(5);
  });

  it("Inworld down (nothing listening): 503 UPSTREAM_UNAVAILABLE and the slot comes back", async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const orphaned = await composeApi({ ...base, INWORLD_BASE_URL: closed, REDIS_URL: redisUrl });
    try {
      const res = await postTts(orphaned, { text: shortArticle() });
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
      expect((await getHealth(orphaned)).tts).toMatchObject({ activeSlots: 0, pendingGenerations: 0 });
    } finally {
      await orphaned.close();
    }
  });

  it("Redis down: every cache tier misses silently and the article is synthesized upstream", async () => {
    const stopped = await startRedis();
    await stopped.stop();
    const degraded = await composeApi({ ...base, REDIS_URL: stopped.url }, { redisDown: true });
    try {
      const premium = await sessionToken("premium", "redis-down");
      const text = `${shortArticle()}\n\n${shortArticle()}`;
      const first = await postTts(degraded, { text, token: premium });
      expect(first.status).toBe(200);
      expect((await voice.stats()).requests).toBeGreaterThan(0);
      // Memory tiers still work: the replay is an article hit.
      const again = await postTts(degraded, { text, token: premium });
      expect(again.headers.get("x-tts-cache")).toBe("article-hit");
      const { redis } = (await getHealth(degraded)).tts;
      expect(redis).toMatchObject({ configured: true, connected: false, hits: 0 });
      expect(redis.errors).toBeGreaterThan(0);
    } finally {
      await degraded.close();
    }
  });
});
