// The cache tiers and request dedup as a reader sees them: the API composed in process, a real redis-server
// (a database of this file's own) and the local voice server, whose /__stats counts every upstream call.
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { cleanTextForTTS } from "@/lib/text/clean-text";
import { articleCacheKey, chunkCacheKey } from "@/lib/text/cache-key";
import { planTTSChunks } from "@/lib/text/chunk-plan";
import { articleRedisKey } from "@/server/cache/article-cache";
import { chunkRedisKey } from "@/server/cache/chunk-cache";
import { article, uniqueSentence } from "../support/articles";
import { composeApi } from "../support/in-process-api";
import { AUTH_SECRET, getHealth, postTts, sessionToken, type TtsBody } from "../support/tts-api";
import { setUpServingApi } from "../support/serving-api";
import { voiceControl } from "../support/voice-control";

const redisUrl = `${inject("redisUrl")}/9`;
const voiceUrl = inject("voiceUrl");
const voice = voiceControl(voiceUrl);
const env = {
  INWORLD_API_KEY: "integration",
  INWORLD_BASE_URL: voiceUrl,
  AUTH_SECRET,
  REDIS_URL: redisUrl,
  TTS_RATE_LIMIT_PER_MIN: "10000",
  TTS_DAILY_FREE_LIMIT: "10000",
};

const settings = { modelId: "inworld-tts-1.5-mini", audioEncoding: "MP3", sampleRateHertz: 44_100, bitRate: 64_000 } as const;
const chunksOf = (text: string) => planTTSChunks(cleanTextForTTS(text));
const chunkCount = (text: string) => chunksOf(text).length;

// One paragraph over the 1800-character chunk size: the splitter chunks it on its own and restarts packing
// after it, so its chunks are the same wherever it stands and a paragraph added after it is a chunk of its own.
const longParagraph = (chars: number) => article(chars).replace(/\n\n/g, " ");
const upstreamCalls = async () => (await voice.stats()).requests;
// Redis keys by value, so a late write from an earlier test cannot pass for this one's.
const storedArticle = async (text: string, voiceId = "Ashley") =>
  (await served.admin.exists(articleRedisKey(await articleCacheKey({ text: cleanTextForTTS(text), voiceId, lang: "en", settings })))) === 1;
const storedChunks = async (text: string, voiceId = "Ashley") => {
  const keys = await Promise.all(
    chunksOf(text).map(async (c) => chunkRedisKey(await chunkCacheKey({ text: c.text, voiceId, lang: "en", settings }))),
  );
  return served.admin.exists(...keys);
};

async function speak(call: Omit<Parameters<typeof postTts>[1], "text"> & { text: string }) {
  const res = await postTts(served.api, call);
  expect(res.status).toBe(200);
  return { res, body: await res.text(), cache: res.headers.get("x-tts-cache") };
}

const served = setUpServingApi({ redisUrl, voiceUrl, env });

describe("cache tiers through /api/tts", () => {
  it("answers a repeated article from the article cache with X-TTS-Cache: article-hit and no upstream call", async () => {
    const text = article(2_500);
    const first = await speak({ text });
    expect(first.cache).toBeNull();
    expect(await upstreamCalls()).toBe(chunkCount(text));

    const again = await speak({ text });
    expect(again.cache).toBe("article-hit");
    expect(again.body).toBe(first.body);
    expect(await upstreamCalls()).toBe(chunkCount(text));
  });

  it("sends only an added paragraph upstream: the unchanged chunks come from the chunk cache", async () => {
    const text = longParagraph(4_000);
    await speak({ text });
    await voice.reset();

    const edited = await speak({ text: `${text}\n\nA closing paragraph added after publication. ${uniqueSentence()}` });
    expect(edited.cache).toBeNull();
    expect(await upstreamCalls()).toBe(1);
  });

  it("answers chunk-hit with no upstream call when every chunk is cached though the article never was", async () => {
    const first = longParagraph(1_600);
    const second = longParagraph(2_000);
    // An article opens with a short chunk and a ramp of growing ones (lib/text/chunk-plan.ts), so `second` is
    // spoken after an article of its own, long enough for the ramp to end in it, to have its chunks cached as
    // they stand after `first`.
    const before = longParagraph(1_600);
    await speak({ text: first });
    await speak({ text: `${before}\n\n${second}` });
    await voice.reset();

    const combined = `${first}\n\n${second}`;
    expect(chunkCount(combined)).toBe(chunkCount(first) + chunkCount(`${before}\n\n${second}`) - chunkCount(before));
    const res = await speak({ text: combined });
    expect(res.cache).toBe("chunk-hit");
    expect(await upstreamCalls()).toBe(0);
    const body = JSON.parse(res.body) as TtsBody;
    expect(body.alignment.characters.join("")).toBe(cleanTextForTTS(combined));
  });

  it("writes chunks to Redis for every reader but the article only for premium readers", async () => {
    const freeText = article(2_500);
    await speak({ text: freeText, token: await sessionToken("free", "cache-free") });
    await expect.poll(() => storedChunks(freeText)).toBe(chunkCount(freeText));
    expect(await storedArticle(freeText)).toBe(false);

    const premiumText = article(1_000);
    await speak({ text: premiumText, token: await sessionToken("premium", "cache-premium") });
    await expect.poll(() => storedArticle(premiumText)).toBe(true);
  });

  it("writes the article to Redis for a premium reader who joined a free reader's generation", async () => {
    await voice.control({ latencyMs: 800 });
    const text = article(1_000);
    const started = speak({ text, token: await sessionToken("free", "starter") });
    await expect.poll(async () => (await voice.stats()).inFlight).toBeGreaterThan(0);
    const joined = await speak({ text, token: await sessionToken("premium", "joiner") });
    expect(joined.body).toBe((await started).body);
    await expect.poll(() => storedArticle(text)).toBe(true);
    expect(await upstreamCalls()).toBe(chunkCount(text));
  });
});

describe("a restarted API process", () => {
  it("serves a premium reader's article from Redis to any reader with no upstream call, then from memory", async () => {
    const text = article(3_000);
    const generated = await speak({ text, voice: "Olivia", token: await sessionToken("premium", "restart-premium") });
    await expect.poll(() => storedArticle(text, "Olivia")).toBe(true);

    await served.restart();
    await voice.reset();
    const fromRedis = await speak({ text, voice: "Olivia", token: await sessionToken("premium", "other-device") });
    expect(fromRedis.cache).toBe("article-hit");
    expect(fromRedis.body).toBe(generated.body);
    expect((await getHealth(served.api)).tts.redis).toMatchObject({ hits: 1, misses: 0, errors: 0 });

    // The Redis read is open to everyone, whatever the tier that wrote it (here for Ashley, a free voice).
    const free = article(1_000);
    await speak({ text: free, token: await sessionToken("premium", "restart-premium") });
    await expect.poll(() => storedArticle(free)).toBe(true);
    await served.restart();
    await voice.reset();
    expect((await speak({ text: free })).cache).toBe("article-hit");

    // Promoted to the article LRU (L2.5 → L2): still a hit with Redis emptied.
    await served.admin.flushdb();
    expect((await speak({ text: free })).cache).toBe("article-hit");
    expect(await upstreamCalls()).toBe(0);
  });

  it("serves a free reader's article from the Redis chunk tier (chunk-hit) with no upstream call and promotes the chunks", async () => {
    const text = longParagraph(4_000);
    const generated = await speak({ text, token: await sessionToken("free", "restart-free") });
    await expect.poll(() => storedChunks(text)).toBe(chunkCount(text));
    expect(await storedArticle(text)).toBe(false);

    await served.restart();
    await voice.reset();
    const fromRedis = await speak({ text, token: await sessionToken("free", "restart-free") });
    expect(fromRedis.cache).toBe("chunk-hit");
    expect(fromRedis.body).toBe(generated.body);
    expect(await upstreamCalls()).toBe(0);
    expect((await getHealth(served.api)).tts.redis.hits).toBe(chunkCount(text));

    // Promoted to the chunk LRU (L3.5 → L3): with Redis emptied, an edit still costs one upstream call.
    await served.admin.flushdb();
    await speak({ text: `${text}\n\nOne more paragraph. ${uniqueSentence()}` });
    expect(await upstreamCalls()).toBe(1);
  });
});

describe("request dedup", () => {
  it("answers 4 identical concurrent requests from different readers with one set of upstream calls", async () => {
    await voice.control({ latencyMs: 300 });
    const text = article(4_000);
    const tokens = await Promise.all([1, 2, 3, 4].map((n) => sessionToken("free", `dedup-${n}`)));
    const answers = await Promise.all(tokens.map((token) => speak({ text, token })));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(await upstreamCalls()).toBe(chunkCount(text));
    const health = await getHealth(served.api);
    expect(health.tts).toMatchObject({ activeSlots: 0, queuedRequests: 0, pendingGenerations: 0 });
  });

  it("lets identical requests join a generation in flight with no slot to spare: neither queued nor USER_BUSY", async () => {
    const tight = await composeApi({ ...env, MAX_CONCURRENT_TTS: "1", MAX_TTS_PER_USER: "1", TTS_SLOT_TIMEOUT_MS: "200" });
    try {
      await voice.control({ latencyMs: 1_000 });
      // Within the opening's 300 characters: one chunk, so one upstream call in flight.
      const text = `A short article of one chunk. ${uniqueSentence()}`;
      const token = await sessionToken("free", "one-slot-reader");
      const first = postTts(tight, { text, token });
      await expect.poll(async () => (await voice.stats()).inFlight).toBe(1);
      const joiners = await Promise.all([1, 2, 3].map(() => postTts(tight, { text, token })));
      expect(joiners.map((r) => r.status)).toEqual([200, 200, 200]);
      expect((await first).status).toBe(200);
      const { tts } = await getHealth(tight);
      expect(tts).toMatchObject({ totalAcquired: 1, totalRejected: 0, totalTimedOut: 0, activeSlots: 0 });
      expect(await upstreamCalls()).toBe(1);
    } finally {
      await tight.close();
    }
  });
});
