// Conversations (docs/architecture.md "Conversations"; spec 000, decision 3): every turn's chunks in one parallel
// batch, in the app itself (app.handle) against a local voice server of this file's own with a fixed latency.
// The silence engine: what is measured here is upstream calls and their overlap, not speech.
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createApp } from "@/server/app";
import { compose, type Composition } from "@/server/compose";
import { loadEnv } from "@/server/env";
import { uniqueSentence } from "../support/articles";
import { conversation, TWENTY_CHUNK_TURNS } from "../support/conversations";
import { walkMp3 } from "../support/mp3-walk";
import { conversationCost, MAX_TURNS } from "@/server/modules/tts/conversation-cost";
import { planSpeech } from "@/lib/text/chunk-plan";
import { cleanTextForTTS } from "@/lib/text/clean-text";
import { startLocalVoice, type RunningProcess } from "../support/processes";
import { AUTH_SECRET, sessionToken, usageOf, type TtsBody } from "../support/tts-api";
import { wholeArticleProblems } from "../support/tts-invariants";
import { chunkLines, readStream } from "../support/tts-stream";
import { voiceControl } from "../support/voice-control";

interface Segment {
  voice: string;
  textOffset: number;
  textLength: number;
  startMs: number;
  durationMs: number;
}
type ConversationBody = TtsBody & { segments: Segment[] };

const CAST = ["Ashley", "Dennis", "Sarah"];
// Long enough that the ~20 ms of CPU each upstream call costs on a shared 2-core machine stays within the 10% margin.
const L = 1_500;

let voiceServer: RunningProcess;
let voice: ReturnType<typeof voiceControl>;
let composition: Composition;
let app: ReturnType<typeof createApp>;
let premium: string;
let free: string;

beforeAll(async () => {
  voiceServer = await startLocalVoice({ LOCAL_VOICE_ENGINE: "silence" });
  voice = voiceControl(voiceServer.url);
  const env = loadEnv({
    INWORLD_API_KEY: "integration",
    INWORLD_BASE_URL: voiceServer.url,
    AUTH_SECRET,
    LOG_LEVEL: "silent",
    TTS_RATE_LIMIT_PER_MIN: "10000",
    TTS_DAILY_FREE_LIMIT: "10000",
  });
  // The backoff of the spec, shortened: the test is about what is retried, not how long it waits.
  composition = compose(env, { retry: { delaysMs: [50, 100, 200], jitterRatio: 0 } });
  app = createApp(composition.options);
  premium = await sessionToken("premium", "conversation-premium");
  free = await sessionToken("free", "conversation-free");
});
afterAll(async () => {
  await composition?.close();
  await voiceServer?.stop();
});
beforeEach(async () => {
  await voice.reset();
});

function post(body: unknown, { token = premium, path = "/api/tts" } = {}) {
  const headers = { "Content-Type": "application/json", Authorization: `Bearer ${token}` };
  return app.handle(new Request(`http://localhost${path}`, { method: "POST", headers, body: JSON.stringify(body) }));
}

describe("a conversation on /api/tts", () => {
  it("synthesizes every turn's chunks in one batch: at most 3 in flight, in ceil(chunks/3) rounds, segments in order", async () => {
    const talk = conversation(TWENTY_CHUNK_TURNS, CAST);
    expect(talk.chunks).toBeGreaterThanOrEqual(18);
    // Warm-up (JIT, connections, the voice server's workers), so the ratio measures the batch and not a cold start.
    expect((await post({ segments: conversation([300, 300, 300], CAST).segments })).status).toBe(200);
    await voice.reset();
    await voice.control({ latencyMs: L });

    const started = performance.now();
    const res = await post({ segments: talk.segments });
    const wallMs = performance.now() - started;
    const body = (await res.json()) as ConversationBody;

    expect(res.status).toBe(200);
    const stats = await voice.stats();
    expect(stats.requests).toBe(talk.chunks);
    expect(stats.maxInFlight).toBe(3);
    // Turn by turn would be a round per turn at least; one batch is ceil(chunks/3) rounds (a ratio, not a time).
    expect(wallMs / (Math.ceil(talk.chunks / 3) * L)).toBeLessThanOrEqual(1.1);

    expect(wholeArticleProblems(body, talk.spoken)).toEqual([]);
    expect(body.segments.map((s) => s.voice)).toEqual(talk.segments.map((s) => s.voice));
    let elapsedMs = 0;
    let offset = 0;
    for (const [i, segment] of body.segments.entries()) {
      expect(segment.textOffset).toBe(offset);
      expect(talk.spoken.slice(offset, offset + segment.textLength)).toBe(talk.segments[i].text.trim());
      expect(segment.startMs).toBeCloseTo(elapsedMs, 6);
      expect(segment.durationMs).toBeGreaterThan(0);
      elapsedMs += segment.durationMs;
      offset += segment.textLength + 2;
    }
    expect(elapsedMs).toBeCloseTo(body.durationMs, 6);
  });

  it("refuses a premium voice in one segment with 403 for a free reader, before any upstream call or charge", async () => {
    const talk = conversation([300, 300, 300], ["Ashley", "Dennis", "Olivia"]);
    const res = await post({ segments: talk.segments }, { token: free });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "PREMIUM_VOICE" });
    expect((await voice.stats()).requests).toBe(0);

    const allowed = await post({ segments: talk.segments.slice(0, 2) }, { token: free });
    expect(allowed.status).toBe(200);
    // The refusal cost nothing: the allowed conversation is the reader's first of the day.
    expect(usageOf(allowed)?.count).toBe(1);
  });

  it("counts a conversation once against the daily quota, and answers its replay from the article cache", async () => {
    const talk = conversation([300, 500, 400, 600], ["Ashley", "Dennis"]);
    const first = await post({ segments: talk.segments }, { token: await sessionToken("free", "conversation-quota") });
    const again = await post({ segments: talk.segments }, { token: await sessionToken("free", "conversation-quota") });
    expect(usageOf(first)?.count).toBe(1);
    expect(usageOf(again)?.count).toBe(1);
    expect(again.headers.get("x-tts-cache")).toBe("article-hit");
    expect(await again.text()).toBe(await first.text());
    expect((await voice.stats()).requests).toBe(talk.chunks);
  });

  it("keys the article on the whole cast: another voice for one turn is new audio for that turn only", async () => {
    const talk = conversation([300, 500, 400, 600], ["Ashley", "Dennis"]);
    expect((await post({ segments: talk.segments })).status).toBe(200);
    const recast = talk.segments.map((s, i) => (i === 1 ? { ...s, voice: "Sarah" } : s));
    await voice.reset();
    const res = await post({ segments: recast });
    expect(res.headers.get("x-tts-cache")).toBeNull();
    const second = (await res.json()) as ConversationBody;
    expect(second.segments.map((s) => s.voice)).toEqual(["Ashley", "Sarah", "Ashley", "Dennis"]);
    // Every other turn's chunks come from the chunk caches, keyed by their own voice: only the recast turn's are new
    // (one chunk, or two when its random paragraphs fall so).
    const recastChunks = planSpeech(recast.map((s) => ({ text: cleanTextForTTS(s.text), voiceId: s.voice }))).chunks.filter((c) => c.segment === 1);
    expect((await voice.stats()).requests).toBe(recastChunks.length);
  });

  it("retries a 429 storm on one turn's chunk, and synthesizes nothing else twice", async () => {
    const talk = conversation([300, 500, 400, 600, 450], CAST);
    // Every turn but the fourth is in the chunk caches, so the storm falls on that turn's chunk alone.
    await post({ segments: talk.segments.filter((_, i) => i !== 3) });
    await voice.reset();
    await voice.control({ failNext: [429, 429, 429] });

    const res = await post({ segments: talk.segments });
    expect(res.status).toBe(200);
    expect(wholeArticleProblems((await res.json()) as ConversationBody, talk.spoken)).toEqual([]);
    // The fourth turn is one chunk, or two when its random paragraphs fall so (about one run in eight).
    const fourth = planSpeech(talk.segments.map((s) => ({ text: cleanTextForTTS(s.text), voiceId: s.voice }))).chunks.filter((c) => c.segment === 3);
    expect((await voice.stats()).byStatus).toEqual({ "429": 3, "200": fourth.length });
  });

  it("retries 429s in the middle of the batch on their own: every chunk is synthesized exactly once", async () => {
    const talk = conversation([300, 2_400, 500, 2_600, 450, 700], CAST);
    await voice.control({ latencyMs: 100, failNext: [429, 429] });
    const res = await post({ segments: talk.segments });
    expect(res.status).toBe(200);
    expect(wholeArticleProblems((await res.json()) as ConversationBody, talk.spoken)).toEqual([]);
    const stats = await voice.stats();
    expect(stats.byStatus).toEqual({ "429": 2, "200": talk.chunks });
    expect(stats.maxInFlight).toBeLessThanOrEqual(3);
  });

  it("fails the whole conversation when one chunk fails, and stops starting the others", async () => {
    const talk = conversation(TWENTY_CHUNK_TURNS, CAST);
    await voice.control({ latencyMs: 200, failNext: [500] });
    const res = await post({ segments: talk.segments });
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ code: "UPSTREAM_ERROR" });
    expect((await voice.stats()).requests).toBeLessThan(talk.chunks);
    // Nothing partial was cached as the conversation: asking again synthesizes.
    const retry = await post({ segments: talk.segments });
    expect(retry.status).toBe(200);
    expect(retry.headers.get("x-tts-cache")).toBeNull();
  });

  it.each([
    ["no segments", { segments: [] }],
    ["text and segments", { text: "Hello.", segments: [{ text: "Hi.", voice: "Ashley" }] }],
    ["a voice beside segments", { voice: "Ashley", segments: [{ text: "Hi.", voice: "Ashley" }] }],
    ["a segment without a voice", { segments: [{ text: "Hi." }] }],
    ["a segment with an unknown field", { segments: [{ text: "Hi.", voice: "Ashley", speakr: "Q" }] }],
    ["an unknown voice", { segments: [{ text: "Hi.", voice: "Nobody" }] }],
    [
      "a segment with no readable text",
      {
        segments: [
          { text: "Hi.", voice: "Ashley" },
          { text: " \n ", voice: "Dennis" },
        ],
      },
    ],
    ["1001 segments", { segments: Array.from({ length: 1001 }, () => ({ text: "Hi.", voice: "Ashley" })) }],
  ])("answers 400 INVALID_REQUEST for %s, calling nothing upstream", async (_what, body) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const error = (await res.json()) as { code: string; error: string };
    expect(error.code).toBe("INVALID_REQUEST");
    expect(error.error).not.toContain("speakr");
    expect((await voice.stats()).requests).toBe(0);
  });

  it("answers 413 when the segments together are over the text cap, whatever each one's length", async () => {
    const segments = Array.from({ length: 60 }, (_, i) => ({ text: "word ".repeat(400), voice: CAST[i % 2] }));
    const res = await post({ segments });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: "TEXT_TOO_LONG" });
  });
});

describe("a conversation spoken by eSpeak", () => {
  it("speaks each segment in its own voice", async () => {
    // The run's shared voice server speaks for real, and Dennis speaks slower than Ashley (voice-profiles.ts).
    const speaking = voiceControl(inject("voiceUrl"));
    const own = compose(loadEnv({ INWORLD_API_KEY: "integration", INWORLD_BASE_URL: inject("voiceUrl"), LOG_LEVEL: "silent" }));
    try {
      const line = `A sentence long enough for the two voices to part company by several frames. ${uniqueSentence()}`;
      const res = await createApp(own.options).handle(
        new Request("http://localhost/api/tts", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({
            segments: [
              { text: line, voice: "Ashley" },
              { text: line, voice: "Dennis" },
            ],
          }),
        }),
      );
      const { segments } = (await res.json()) as ConversationBody;
      const alone = async (v: string) => walkMp3((await speaking.synthesize(line, v)).audio).durationMs;
      const [ashley, dennis] = [await alone("Ashley"), await alone("Dennis")];
      expect(dennis - ashley).toBeGreaterThan(100);
      expect(Math.abs(segments[0].durationMs - ashley)).toBeLessThan(Math.abs(segments[0].durationMs - dennis));
      expect(Math.abs(segments[1].durationMs - dennis)).toBeLessThan(Math.abs(segments[1].durationMs - ashley));
    } finally {
      await own.close();
    }
  });
});

describe("a conversation on /api/tts/stream", () => {
  it("agrees with /api/tts (invariant 15): same frames and timeline, each chunk line naming its segment", async () => {
    const talk = conversation([300, 2_400, 500, 2_600, 450], CAST);
    const streamed = await readStream(await post({ segments: talk.segments }, { path: "/api/tts/stream" }));
    const single = (await (await post({ segments: talk.segments })).json()) as ConversationBody;

    const start = streamed[0];
    expect(start).toMatchObject({ type: "start", voice: "Ashley", chunks: talk.chunks, textLength: talk.spoken.length });
    expect(start.type === "start" && start.segments).toEqual(
      single.segments.map(({ voice, textOffset, textLength }) => ({ voice, textOffset, textLength })),
    );

    const chunks = chunkLines(streamed);
    expect(chunks.map((c) => c.index)).toEqual([...Array(talk.chunks).keys()]);
    const frames = Buffer.concat(chunks.map((c) => Buffer.from(c.audioBase64, "base64")));
    const mp3 = Buffer.from(single.audioBase64, "base64");
    expect(mp3.subarray(mp3.byteLength - frames.byteLength).equals(frames)).toBe(true);
    expect({
      characters: chunks.flatMap((c) => c.alignment.characters),
      characterStartTimesSeconds: chunks.flatMap((c) => c.alignment.characterStartTimesSeconds),
      characterEndTimesSeconds: chunks.flatMap((c) => c.alignment.characterEndTimesSeconds),
    }).toEqual(single.alignment);

    // Segments rebuilt from the lines are the single answer's, and each starts at the decoded duration of every
    // chunk before it (invariant 5), measured here with the tests' own frame walker.
    let decodedMs = 0;
    single.segments.forEach((segment, s) => {
      const own = chunks.filter((c) => c.segment === s);
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((c) => c.textOffset >= segment.textOffset - 2 && c.textOffset < segment.textOffset + segment.textLength)).toBe(true);
      expect(own[0].startMs).toBe(segment.startMs);
      expect(segment.startMs).toBeCloseTo(decodedMs, 6);
      for (const c of own) decodedMs += walkMp3(Buffer.from(c.audioBase64, "base64")).durationMs;
    });
    expect(chunks.map((c) => c.segment)).toEqual([...chunks.map((c) => c.segment)].sort((a, b) => a! - b!));

    // A replay is an article hit, rebuilt from the chunk caches with the same lines, segments included.
    const replay = await readStream(await post({ segments: talk.segments }, { path: "/api/tts/stream" }));
    expect(replay[0]).toEqual({ ...start, cache: "article-hit" });
    expect(replay.slice(1)).toEqual(streamed.slice(1));
  });

  it("sends no segment on a single article's lines", async () => {
    const talk = conversation([2_400], CAST);
    const streamed = await readStream(await post({ text: talk.segments[0].text }, { path: "/api/tts/stream" }));
    expect(streamed[0]).not.toHaveProperty("segments");
    for (const line of chunkLines(streamed)) expect(line).not.toHaveProperty("segment");
  });
});

describe("what a conversation costs (invariant 17)", () => {
  // Words of their own per call, so no chunk of an earlier test is in the cache.
  let calls = 0;
  const oneWordTurns = (count: number, voices: readonly string[]) => {
    const tag = `w${++calls}x`;
    return Array.from({ length: count }, (_, i) => ({ text: `${tag}${i}.`, voice: voices[i % voices.length] }));
  };
  const FREE_CAST = ["Ashley", "Dennis"];

  it("keeps adjacent segments in one voice apart: the answer times each turn the reader sent, one call each", async () => {
    // Two speakers who share a voice, one after the other: the page names and times each of them.
    const segments = oneWordTurns(3, ["Ashley", "Ashley", "Dennis"]);
    const res = await post({ segments });
    expect(res.status).toBe(200);
    const body = (await res.json()) as ConversationBody;
    const spoken = segments.map((s) => s.text).join("\n\n");
    expect(body.segments.map((s) => s.voice)).toEqual(["Ashley", "Ashley", "Dennis"]);
    expect(body.segments[1].startMs).toBeGreaterThan(body.segments[0].startMs);
    expect((await voice.stats()).requests).toBe(3);
    expect(wholeArticleProblems(body, spoken)).toEqual([]);
  });

  it("refuses more turns than the cap before any upstream call or charge", async () => {
    // The same article again costs nothing more: the count before and after must match.
    const known = oneWordTurns(3, FREE_CAST);
    const before = await post({ segments: known }, { token: free });
    const count = usageOf(before)!.count;
    const res = await post({ segments: oneWordTurns(MAX_TURNS + 1, FREE_CAST) }, { token: free });
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe("INVALID_REQUEST");
    await voice.reset();
    const after = await post({ segments: known }, { token: free });
    expect(usageOf(after)!.count).toBe(count);
    expect((await voice.stats()).requests).toBe(0);
  });

  it("charges a conversation that needs more calls than its text as an article in proportion to them", async () => {
    const reader = await sessionToken("free", `conversation-charge-${Date.now()}`);
    const segments = oneWordTurns(MAX_TURNS, FREE_CAST);
    const { calls, charge } = conversationCost(segments.map((s) => ({ text: s.text, voiceId: s.voice })));
    expect(charge).toBeGreaterThan(1);
    const res = await post({ segments }, { token: reader });
    expect(res.status).toBe(200);
    expect(usageOf(res)!.count).toBe(charge);
    expect((await voice.stats()).requests).toBe(calls);
    // An ordinary conversation is one place, like an article.
    const plain = await post({ segments: oneWordTurns(3, FREE_CAST) }, { token: reader });
    expect(usageOf(plain)!.count).toBe(charge + 1);
  });
});
