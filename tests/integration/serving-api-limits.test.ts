// The concurrency limiter seen through HTTP: one global slot, one per reader, a short queue timeout, and the
// voice server's latency holding the slot so the queue, its timeout and disconnects can be watched in /health.
// The API is composed in process, but for the disconnects, which need a real process's sockets.
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { uniqueSentence } from "../support/articles";
import { startApi } from "../support/processes";
import { AUTH_SECRET, callApi, getHealth, postTts, sessionToken, usageOf, type ApiTarget } from "../support/tts-api";
import { setUpServingApi } from "../support/serving-api";
import { voiceControl } from "../support/voice-control";

const redisUrl = `${inject("redisUrl")}/10`;
const voiceUrl = inject("voiceUrl");
const voice = voiceControl(voiceUrl);
// Long enough for a queued one-chunk article to wait out another's synthesis by eSpeak on a busy machine.
const SLOT_TIMEOUT_MS = 4_000;

const inFlightUpstream = async () => (await voice.stats()).inFlight;
const tts = async (api: ApiTarget = served.api) => (await getHealth(api)).tts;
const reader = (name: string) => sessionToken("free", name);
// One paragraph, so one chunk and one upstream call per generation.
const shortArticle = () => `The limiter keeps the server fair. ${uniqueSentence()}`;

const env = {
  INWORLD_API_KEY: "integration",
  INWORLD_BASE_URL: voiceUrl,
  AUTH_SECRET,
  MAX_CONCURRENT_TTS: "1",
  MAX_TTS_PER_USER: "1",
  TTS_SLOT_TIMEOUT_MS: String(SLOT_TIMEOUT_MS),
  TTS_RATE_LIMIT_PER_MIN: "10000",
  TTS_DAILY_FREE_LIMIT: "10000",
};
const served = setUpServingApi({ redisUrl, voiceUrl, env });

describe("the concurrency limiter through /api/tts", () => {
  it("queues a request past the global limit and serves it once the slot frees", async () => {
    await voice.control({ latencyMs: 300 });
    const before = await tts();
    const [first, second] = await Promise.all([
      postTts(served.api, { text: shortArticle(), token: await reader("queue-a") }),
      postTts(served.api, { text: shortArticle(), token: await reader("queue-b") }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    // One slot: the two articles never reached the voice server at the same time.
    expect((await voice.stats()).maxInFlight).toBe(1);
    const after = await tts();
    expect(after.totalAcquired - before.totalAcquired).toBe(2);
    expect(after.peakConcurrent).toBeGreaterThanOrEqual(2);
    expect(after).toMatchObject({ activeSlots: 0, queuedRequests: 0 });
  });

  it("serves an article whose chunks are all cached without waiting for a slot", async () => {
    // Spoken first as a conversation of one turn in the article's voice: the same chunks (one plan for both), cached
    // under a conversation's article key, so the article itself is then new (no article hit) and every chunk cached.
    const first = `${"The harbour wall was built of granite blocks, each cut by hand and lowered into place at low tide. ".repeat(12)}${uniqueSentence()}`;
    const warm = await callApi(served.api, "/api/tts", {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${await reader("chunks-warm")}` },
      body: JSON.stringify({ segments: [{ text: first, voice: "Ashley" }] }),
    });
    expect(warm.status).toBe(200);

    await voice.control({ latencyMs: SLOT_TIMEOUT_MS + 2_000 });
    const holder = postTts(served.api, { text: shortArticle(), token: await reader("chunks-holder") });
    await expect.poll(inFlightUpstream).toBe(1);
    const cached = await postTts(served.api, { text: first, token: await reader("chunks-reader") });
    // With the only slot held for longer than the queue timeout, waiting for it would have meant a 503.
    expect(cached.status).toBe(200);
    expect(cached.headers.get("x-tts-cache")).toBe("chunk-hit");
    expect((await holder).status).toBe(200);
  });

  it("answers 503 TTS_BUSY with Retry-After when the queue wait passes TTS_SLOT_TIMEOUT_MS", async () => {
    await voice.control({ latencyMs: SLOT_TIMEOUT_MS + 1_000 });
    const holder = postTts(served.api, { text: shortArticle(), token: await reader("busy-holder") });
    await expect.poll(inFlightUpstream).toBe(1);
    const timedOutBefore = (await tts()).totalTimedOut;

    const asking = postTts(served.api, { text: shortArticle(), token: await reader("busy-waiter") });
    // It waits in the queue (it is not refused at once) until TTS_SLOT_TIMEOUT_MS has passed.
    await expect.poll(async () => (await tts()).queuedRequests).toBe(1);
    const waiting = await asking;
    expect(waiting.status).toBe(503);
    expect(await waiting.json()).toMatchObject({ code: "TTS_BUSY", error: expect.stringContaining("busy") });
    expect(Number(waiting.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // A refusal is not a use: the free reader's count is shown and unchanged.
    expect(usageOf(waiting)).toEqual({ count: 0, limit: 10000 });
    expect((await tts()).totalTimedOut).toBe(timedOutBefore + 1);

    expect((await holder).status).toBe(200);
  });

  it("answers 429 USER_BUSY with Retry-After to a reader past their own limit, while others still get through", async () => {
    await voice.control({ latencyMs: 1_000 });
    const token = await reader("busy-reader");
    const running = postTts(served.api, { text: shortArticle(), token });
    await expect.poll(inFlightUpstream).toBe(1);
    const rejectedBefore = (await tts()).totalRejected;

    const second = await postTts(served.api, { text: shortArticle(), token });
    expect(second.status).toBe(429);
    expect(await second.json()).toMatchObject({ code: "USER_BUSY" });
    expect(Number(second.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await tts()).totalRejected).toBe(rejectedBefore + 1);

    expect((await running).status).toBe(200);
    expect((await postTts(served.api, { text: shortArticle(), token })).status).toBe(200);
  });

  it("frees the queue place and the slot when clients disconnect while queued and while generating (invariant 8)", async () => {
    // A real process: the readers leave by closing their sockets.
    const api = await startApi({ ...env, REDIS_URL: redisUrl });
    try {
      await voice.control({ latencyMs: 30_000 });
      const generating = new AbortController();
      const queued = new AbortController();
      const first = postTts(api.url, { text: shortArticle(), token: await reader("gone-1"), signal: generating.signal }).catch((e: Error) => e);
      await expect.poll(inFlightUpstream).toBe(1);
      const second = postTts(api.url, { text: shortArticle(), token: await reader("gone-2"), signal: queued.signal }).catch((e: Error) => e);
      await expect.poll(async () => (await tts(api.url)).queuedRequests).toBe(1);
      expect((await tts(api.url)).activeSlots).toBe(1);

      queued.abort();
      expect(await second).toBeInstanceOf(Error);
      await expect.poll(async () => (await tts(api.url)).queuedRequests).toBe(0);
      expect((await tts(api.url)).activeSlots).toBe(1);

      generating.abort();
      expect(await first).toBeInstanceOf(Error);
      await expect.poll(async () => (await tts(api.url)).activeSlots).toBe(0);
      // The upstream call was cancelled too, not left running for nobody.
      await expect.poll(inFlightUpstream).toBe(0);
      const health = await tts(api.url);
      expect(health).toMatchObject({ activeSlots: 0, queuedRequests: 0, pendingGenerations: 0, perUserBreakdown: {} });

      // And the slot really is free: a new reader is served at once.
      await voice.control({ latencyMs: 0 });
      expect((await postTts(api.url, { text: shortArticle(), token: await reader("after") })).status).toBe(200);
    } finally {
      await api.stop();
    }
  });
});
