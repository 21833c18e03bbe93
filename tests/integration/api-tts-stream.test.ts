// POST /api/tts/stream through the API composed in process (a real API process on Bun where the reader leaves)
// and a voice server of this file's own (silence engine: what is measured here is lines and upstream calls, not
// speech). docs/architecture.md "Streaming" and invariants 6, 10, 15.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { scanMp3Frames } from "@/lib/mp3";
import { cleanTextForTTS } from "@/lib/text/clean-text";
import { planTTSChunks } from "@/lib/text/chunk-plan";
import { article } from "../support/articles";
import { composeApi, type InProcessApi } from "../support/in-process-api";
import { startApi, startLocalVoice, type RunningProcess } from "../support/processes";
import { callApi, getHealth, postTts, usageOf, type ApiTarget, type TtsBody } from "../support/tts-api";
import { chunkLines, postTtsStream, readStream, streamLines, type StreamLine } from "../support/tts-stream";
import { voiceControl } from "../support/voice-control";

let voiceServer: RunningProcess;
let voice: ReturnType<typeof voiceControl>;
let base: Record<string, string>;
// The default three chunks at a time.
let parallel: InProcessApi;
// One chunk at a time, so a failure can be aimed at a given chunk.
let sequential: InProcessApi;
// Tight limits: four requests a minute per client and one article a day.
let limited: InProcessApi;

const cacheSizes = async (api: ApiTarget) => (await getHealth(api)).tts.cache;

const chunkCount = (text: string) => planTTSChunks(cleanTextForTTS(text)).length;

/** A fresh anonymous reader (the test's loopback address is a trusted proxy, so X-Forwarded-For names them). */
let readers = 0;
const newReader = () => `198.51.100.${++readers}`;

/** Reads until the first chunk line (the reader has audio) and hands the rest of the stream back. */
async function untilFirstAudio(res: Response) {
  const lines = streamLines(res);
  const seen: StreamLine[] = [];
  // next() by hand: leaving a for-await loop would close the generator, and the body with it.
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    seen.push(next.value);
    if (next.value.type === "chunk") break;
  }
  const rest = async () => {
    for await (const line of lines) seen.push(line);
    return seen;
  };
  return { seen, rest };
}

beforeAll(async () => {
  voiceServer = await startLocalVoice({ LOCAL_VOICE_ENGINE: "silence" });
  voice = voiceControl(voiceServer.url);
  base = {
    INWORLD_API_KEY: "integration",
    INWORLD_BASE_URL: voiceServer.url,
    REDIS_URL: "",
    TTS_RATE_LIMIT_PER_MIN: "10000",
    TTS_DAILY_FREE_LIMIT: "10000",
  };
  [parallel, sequential, limited] = await Promise.all([
    composeApi(base),
    composeApi({ ...base, TTS_CHUNK_CONCURRENCY: "1" }),
    composeApi({ ...base, TTS_RATE_LIMIT_PER_MIN: "4", TTS_DAILY_FREE_LIMIT: "1" }),
  ]);
});
afterAll(async () => {
  await Promise.all([parallel?.close(), sequential?.close(), limited?.close()]);
  await voiceServer?.stop();
});
beforeEach(async () => {
  await voice.reset();
});

describe("POST /api/tts/stream", () => {
  it("sends start, every chunk in text order, then end, as NDJSON", async () => {
    const text = article(2_000);
    // Per-character latency: the short last chunk completes long before the long middle one.
    await voice.control({ latencyPerCharMs: 1 });
    const res = await postTtsStream(parallel, { text });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = await readStream(res);
    const chunks = chunkCount(text);
    expect(lines[0]).toEqual({ type: "start", voice: "Ashley", chunks, textLength: cleanTextForTTS(text).length, cache: null });
    expect(lines.slice(1, -1).map((l) => l.type === "chunk" && l.index)).toEqual([...Array(chunks).keys()]);
    expect(lines.at(-1)?.type).toBe("end");
    // startMs is the decoded duration of the chunks before (invariant 5), and times are absolute.
    let elapsedMs = 0;
    for (const line of chunkLines(lines)) {
      expect(line.startMs).toBe(elapsedMs);
      expect(Math.min(...line.alignment.characterStartTimesSeconds)).toBeGreaterThanOrEqual(line.startMs / 1000);
      expect(Math.max(...line.alignment.characterEndTimesSeconds)).toBeLessThanOrEqual((line.startMs + line.durationMs) / 1000);
      elapsedMs += line.durationMs;
    }
    expect((await voice.stats()).requests).toBe(chunks);
  });

  it("agrees with /api/tts frame for frame and character for character (invariant 15), and replays as an article hit on both", async () => {
    const text = article(7_000);
    const cleaned = cleanTextForTTS(text);
    const streamed = await readStream(await postTtsStream(parallel, { text }));
    const single = await postTts(parallel, { text });
    expect(single.headers.get("x-tts-cache")).toBe("article-hit");
    const body = (await single.json()) as TtsBody;

    const chunks = chunkLines(streamed);
    const frames = Buffer.concat(chunks.map((c) => Buffer.from(c.audioBase64, "base64")));
    const mp3 = Buffer.from(body.audioBase64, "base64");
    const scan = scanMp3Frames(mp3)!;
    // The single response is one Info frame, then exactly the stream's frames.
    expect(scan.vbrHeader).not.toBeNull();
    expect(scan.frameOffsets[0]).toBe(mp3.byteLength - frames.byteLength);
    expect(mp3.subarray(scan.frameOffsets[0]).equals(frames)).toBe(true);
    for (const chunk of chunks) {
      const own = scanMp3Frames(Buffer.from(chunk.audioBase64, "base64"))!;
      expect(own.frameOffsets[0]).toBe(0);
      expect(own.vbrHeader).toBeNull();
    }

    const joined = {
      characters: chunks.flatMap((c) => c.alignment.characters),
      characterStartTimesSeconds: chunks.flatMap((c) => c.alignment.characterStartTimesSeconds),
      characterEndTimesSeconds: chunks.flatMap((c) => c.alignment.characterEndTimesSeconds),
    };
    expect(joined.characters.join("")).toBe(cleaned);
    expect(joined).toEqual(body.alignment);
    chunks.forEach((c) => expect(c.alignment.characters.join("")).toBe(cleaned.slice(c.textOffset, c.textOffset + c.alignment.characters.length)));
    const end = streamed.at(-1);
    expect(end?.type === "end" && end.durationMs).toBeCloseTo(body.durationMs, 6);

    const replay = await readStream(await postTtsStream(parallel, { text }));
    expect(replay[0]).toMatchObject({ type: "start", cache: "article-hit" });
    expect(replay.slice(1)).toEqual(streamed.slice(1));
    expect((await voice.stats()).requests).toBe(chunks.length);
  });

  it("lets a second reader join the running generation: every line exactly once, one set of upstream calls", async () => {
    const text = article(7_000);
    const chunks = chunkCount(text);
    await voice.control({ latencyMs: 600 });
    const first = await untilFirstAudio(await postTtsStream(parallel, { text }));
    const second = await postTtsStream(parallel, { text });
    const [firstLines, secondLines] = await Promise.all([first.rest(), readStream(second)]);
    expect(secondLines.map((l) => l.type)).toEqual(["start", ...Array<string>(chunks).fill("chunk"), "end"]);
    expect(chunkLines(secondLines).map((l) => l.index)).toEqual([...Array(chunks).keys()]);
    expect(secondLines).toEqual(firstLines);
    expect((await voice.stats()).requests).toBe(chunks);
  });

  it("lets /api/tts join a running stream's generation, with the same audio and no second set of calls", async () => {
    const text = article(7_000);
    const chunks = chunkCount(text);
    await voice.control({ latencyMs: 600 });
    const streaming = await untilFirstAudio(await postTtsStream(parallel, { text }));
    const single = await postTts(parallel, { text });
    expect(single.status).toBe(200);
    expect(single.headers.get("x-tts-cache")).toBeNull();
    const body = (await single.json()) as TtsBody;
    const lines = chunkLines(await streaming.rest());
    const mp3 = Buffer.from(body.audioBase64, "base64");
    const frames = Buffer.concat(lines.map((c) => Buffer.from(c.audioBase64, "base64")));
    expect(mp3.subarray(mp3.byteLength - frames.byteLength).equals(frames)).toBe(true);
    expect(lines.flatMap((l) => l.alignment.characters)).toEqual(body.alignment.characters);
    expect((await voice.stats()).requests).toBe(chunks);
  });

  it("stops the upstream calls and frees the slot when its only reader leaves", async () => {
    // A real process: the reader leaves by closing its socket.
    const api = await startApi(base);
    try {
      const text = article(9_000);
      const chunks = chunkCount(text);
      await voice.control({ latencyMs: 800 });
      const controller = new AbortController();
      const res = await postTtsStream(api.url, { text, signal: controller.signal });
      const reader = streamLines(res);
      expect((await reader.next()).value).toMatchObject({ type: "start" });
      controller.abort();
      await expect(reader.next()).rejects.toThrow();

      await expect.poll(async () => (await voice.stats()).inFlight, { timeout: 5_000 }).toBe(0);
      const asked = (await voice.stats()).requests;
      expect(asked).toBeLessThan(chunks);
      // Long enough for several more rounds of calls at this latency, had the work gone on: what is checked is
      // that nothing happens, which no state can be polled for.
      await new Promise((r) => setTimeout(r, 2_000));
      expect((await voice.stats()).requests).toBe(asked);
      const health = await getHealth(api.url);
      expect(health.tts.activeSlots).toBe(0);
      expect(health.tts.pendingGenerations).toBe(0);
    } finally {
      await api.stop();
    }
  });

  it("ends with an error line when a chunk fails after the first audio, keeps the chunks before it, and gives the charge back", async () => {
    const text = article(7_000);
    const chunks = chunkCount(text);
    const forwardedFor = newReader();
    const before = (await cacheSizes(sequential)).chunk.entries;
    await voice.control({ latencyMs: 400 });
    const res = await postTtsStream(sequential, { text, forwardedFor });
    expect(res.status).toBe(200);
    // Charged at the first audio, which came with the response.
    expect(usageOf(res)).toEqual({ count: 1, limit: 10_000 });
    const reading = readStream(res);
    // One chunk at a time: once chunk 2 is asked for, the next call is chunk 3's.
    await expect.poll(async () => (await voice.stats()).requests, { timeout: 30_000 }).toBe(3);
    await voice.control({ failNext: [500] });
    const lines = await reading;
    expect(lines.map((l) => (l.type === "chunk" ? l.index : l.type))).toEqual(["start", 0, 1, 2, "error"]);
    expect(lines.at(-1)).toMatchObject({ type: "error", code: "UPSTREAM_ERROR" });
    expect((await cacheSizes(sequential)).chunk.entries - before).toBe(3);
    expect((await voice.stats()).requests).toBe(4);

    // The failed article costs this reader nothing: the next one is their first of the day.
    const other = await postTts(sequential, { text: article(300), forwardedFor });
    expect(usageOf(other)).toEqual({ count: 1, limit: 10_000 });

    await voice.reset();
    const retried = await readStream(await postTtsStream(sequential, { text, forwardedFor }));
    expect(retried.at(-1)?.type).toBe("end");
    expect((await voice.stats()).requests).toBe(chunks - 3);
  });

  it("answers a refusal before any audio as the usual JSON error with its status, charging nothing", async () => {
    const json = async (res: Response) => ({ status: res.status, type: res.headers.get("content-type"), body: (await res.json()) as unknown });
    expect(await json(await postTtsStream(parallel, { text: "   " }))).toMatchObject({
      status: 400,
      type: expect.stringContaining("application/json"),
      body: { code: "INVALID_REQUEST" },
    });
    expect(await json(await postTtsStream(parallel, { text: "Hello there.", voice: "Sarah" }))).toMatchObject({
      status: 403,
      body: { code: "PREMIUM_VOICE" },
    });
    const plain = await callApi(parallel, "/api/tts/stream", {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body: JSON.stringify({ text: "Hi." }),
    });
    expect(await json(plain)).toMatchObject({ status: 415, body: { code: "UNSUPPORTED_MEDIA_TYPE" } });
    const unknown = await callApi(parallel, "/api/tts/stream", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: "Hi.", voise: "Ashley" }),
    });
    expect(await json(unknown)).toMatchObject({ status: 400 });

    // Chunk 0 fails: no audio was sent, so the reader gets the status and the place back.
    const forwardedFor = newReader();
    await voice.control({ failNext: [500] });
    const failed = await postTtsStream(sequential, { text: article(2_000), forwardedFor });
    expect(await json(failed)).toMatchObject({ status: 502, type: expect.stringContaining("application/json"), body: { code: "UPSTREAM_ERROR" } });
    expect(usageOf(failed)).toEqual({ count: 0, limit: 10_000 });
    expect((await getHealth(sequential)).tts.activeSlots).toBe(0);
  });

  it("shares /api/tts's daily quota and IP limit", async () => {
    const forwardedFor = newReader();
    const text = article(300);
    const first = await postTtsStream(limited, { text, forwardedFor });
    expect(first.status).toBe(200);
    expect(usageOf(first)).toEqual({ count: 1, limit: 1 });
    await readStream(first);
    const second = await postTtsStream(limited, { text: article(300), forwardedFor });
    expect(second.status).toBe(429);
    expect(second.headers.get("retry-after")).not.toBeNull();
    expect(await second.json()).toMatchObject({ code: "DAILY_LIMIT" });
    // The same article again costs nothing more; /api/tts and the stream count against one IP limit.
    expect((await postTts(limited, { text, forwardedFor })).status).toBe(200);
    const replay = await postTtsStream(limited, { text, forwardedFor });
    expect(replay.headers.get("x-tts-cache")).toBe("article-hit");
    await readStream(replay);
    const refused = await postTtsStream(limited, { text, forwardedFor });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: "RATE_LIMITED" });
  });
});
