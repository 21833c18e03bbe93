// docs/architecture.md invariant 6, second half: a failed or abandoned article caches nothing as a whole, but every chunk
// that completed is cached on its own, so a retry pays upstream only for what did not complete. Before, each
// retry started over, and an article longer than the proxy's timeout could never finish.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cleanTextForTTS } from "@/lib/text/clean-text";
import { planTTSChunks } from "@/lib/text/chunk-plan";
import { article } from "../support/articles";
import { composeApi, type InProcessApi } from "../support/in-process-api";
import { startApi, startLocalVoice, type RunningProcess } from "../support/processes";
import { getHealth, postTts, type ApiTarget } from "../support/tts-api";
import { voiceControl } from "../support/voice-control";

// A voice server of this file's own with the silence engine: what is counted here is upstream calls, not speech,
// and eSpeak would spend seconds of CPU on every long chunk.
let voiceServer: RunningProcess;
let voice: ReturnType<typeof voiceControl>;

// One chunk at a time, so a failure can be aimed at the last chunk while no other is in flight (in process).
let sequential: InProcessApi;
// The default three chunks at a time, in a real process: its reader leaves by closing the socket.
let parallel: RunningProcess;

const cacheSizes = async (api: ApiTarget) => (await getHealth(api)).tts.cache;

/** A fresh article of at least four chunks, and its number of chunks. */
function longArticle() {
  const text = article(7_000);
  const chunks = planTTSChunks(cleanTextForTTS(text)).length;
  expect(chunks).toBeGreaterThanOrEqual(4);
  return { text, chunks };
}

beforeAll(async () => {
  voiceServer = await startLocalVoice({ LOCAL_VOICE_ENGINE: "silence" });
  voice = voiceControl(voiceServer.url);
  const base = {
    INWORLD_API_KEY: "integration",
    INWORLD_BASE_URL: voiceServer.url,
    REDIS_URL: "",
    TTS_RATE_LIMIT_PER_MIN: "10000",
    TTS_DAILY_FREE_LIMIT: "10000",
  };
  [sequential, parallel] = await Promise.all([composeApi({ ...base, TTS_CHUNK_CONCURRENCY: "1" }), startApi(base)]);
});
afterAll(async () => {
  await Promise.all([sequential?.close(), parallel?.stop()]);
  await voiceServer?.stop();
});
beforeEach(async () => {
  await voice.reset();
});

describe("a retry after a failed article", () => {
  it("fails the article on a chunk's 500, caches no article, and the retry calls upstream only for that chunk", async () => {
    const { text, chunks } = longArticle();
    // Each chunk waits a while at the voice server, long enough to aim the failure at the last one once every
    // other chunk has been asked for.
    await voice.control({ latencyMs: 1_500 });
    const first = postTts(sequential, { text });
    await expect.poll(async () => (await voice.stats()).requests, { timeout: 30_000 }).toBe(chunks - 1);
    await voice.control({ failNext: [500] });
    const failed = await first;
    expect(failed.status).toBe(502);
    expect(await failed.json()).toMatchObject({ code: "UPSTREAM_ERROR" });
    expect((await voice.stats()).byStatus).toEqual({ "200": chunks - 1, "500": 1 });
    expect(await cacheSizes(sequential)).toMatchObject({ article: { entries: 0 }, chunk: { entries: chunks - 1 } });

    await voice.reset();
    const retried = await postTts(sequential, { text });
    expect(retried.status).toBe(200);
    expect((await voice.stats()).requests).toBe(1);
    // Some chunks were synthesized now, so the answer is not a pure chunk-cache hit.
    expect(retried.headers.get("x-tts-cache")).toBeNull();
    const body = (await retried.json()) as { alignment: { characters: string[] } };
    expect(body.alignment.characters.join("")).toBe(cleanTextForTTS(text));

    const replay = await postTts(sequential, { text });
    expect(replay.headers.get("x-tts-cache")).toBe("article-hit");
    expect((await voice.stats()).requests).toBe(1);
  });

  it("keeps the chunks that completed before the reader went away, and the retry asks only for the rest", async () => {
    const { text, chunks } = longArticle();
    // The first chunk to reach the voice server never answers; the others complete around it.
    await voice.control({ failNext: ["hang"] });
    const controller = new AbortController();
    const abandoned = postTts(parallel.url, { text, signal: controller.signal }).catch((error: Error) => error);
    await expect.poll(async () => (await cacheSizes(parallel.url)).chunk.entries, { timeout: 30_000 }).toBe(chunks - 1);
    controller.abort();
    expect(await abandoned).toBeInstanceOf(Error);
    await expect.poll(async () => (await voice.stats()).inFlight, { timeout: 5_000 }).toBe(0);
    expect((await cacheSizes(parallel.url)).article.entries).toBe(0);

    await voice.reset();
    const retried = await postTts(parallel.url, { text });
    expect(retried.status).toBe(200);
    expect((await voice.stats()).requests).toBe(1);
  });
});
