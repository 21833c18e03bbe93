// The local voice server (server/local-voice/) as the API sees it: a real Bun process spoken to over HTTP.
// This file starts its own instances so that its fault injection never reaches other files' server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseMp3DurationMs } from "@/lib/mp3/duration";
import { voicesFor } from "@/lib/voices";
import { startLocalVoice, type RunningProcess } from "../support/processes";
import { speakToVoice, type VoiceStats } from "../support/voice-control";

interface CharacterAlignment {
  characters: string[];
  characterStartTimeSeconds: number[];
  characterEndTimeSeconds: number[];
}
interface WordAlignment {
  words: string[];
  wordStartTimeSeconds: number[];
  wordEndTimeSeconds: number[];
}
interface VoiceResponse {
  audioContent: string;
  usage: { processedCharactersCount: number; modelId: string };
  timestampInfo?: { characterAlignment?: CharacterAlignment; wordAlignment?: WordAlignment };
}
const SENTENCE = "Salt & pepper <3, said the cook in 1984. Café «naïve» 😀 works too!";
const LONG_TEXT = "The committee met on Tuesday to discuss next year's budget, and after a long debate it agreed to fund the new library. "
  .repeat(16)
  .slice(0, 1800);

let espeak: RunningProcess;
let silence: RunningProcess;

beforeAll(async () => {
  [espeak, silence] = await Promise.all([
    startLocalVoice({ LOG_LEVEL: "warn" }),
    startLocalVoice({ LOG_LEVEL: "warn", LOCAL_VOICE_ENGINE: "silence", LOCAL_VOICE_CONTROL: "0" }),
  ]);
});

afterAll(async () => {
  await Promise.all([espeak?.stop(), silence?.stop()]);
});

beforeEach(async () => {
  await fetch(`${espeak.url}/__reset`, { method: "POST" });
});

async function speakOk(url: string, body: Record<string, unknown>) {
  const response = await speakToVoice(url, body);
  expect(response.status).toBe(200);
  const json = (await response.json()) as VoiceResponse;
  return { json, mp3: new Uint8Array(Buffer.from(json.audioContent, "base64")) };
}

const control = (settings: Record<string, unknown>) =>
  fetch(`${espeak.url}/__control`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(settings) });
const stats = async () => (await (await fetch(`${espeak.url}/__stats`)).json()) as VoiceStats;

/** The first frame header, read by hand (ISO/IEC 11172-3 §2.4.1.3): AAAAAAAA AAABBCCD EEEEFFGH IIJJKLMM. */
function firstFrame(mp3: Uint8Array) {
  const versions = { 0b11: "MPEG-1", 0b10: "MPEG-2", 0b00: "MPEG-2.5" } as Record<number, string>;
  const rates: Record<string, number[]> = { "MPEG-1": [44100, 48000, 32000], "MPEG-2": [22050, 24000, 16000], "MPEG-2.5": [11025, 12000, 8000] };
  const sync = mp3[0] === 0xff && (mp3[1] & 0xe0) === 0xe0;
  const version = versions[(mp3[1] >> 3) & 3];
  const layer = (mp3[1] >> 1) & 3; // 01 = Layer III
  const sampleRate = rates[version]?.[(mp3[2] >> 2) & 3];
  const mono = mp3[3] >> 6 === 3;
  return { sync, version, layerIII: layer === 1, sampleRate, mono };
}

function expectCharacterTimeline(alignment: CharacterAlignment, text: string, durationSeconds: number) {
  const { characters, characterStartTimeSeconds: starts, characterEndTimeSeconds: ends } = alignment;
  expect(characters.join("")).toBe(text);
  expect(characters.length).toBe(text.length);
  expect(starts.length).toBe(text.length);
  expect(ends.length).toBe(text.length);
  for (let i = 0; i < text.length; i++) {
    if (i > 0) expect(starts[i]).toBeGreaterThanOrEqual(starts[i - 1]);
    expect(ends[i]).toBeGreaterThanOrEqual(starts[i]);
  }
  expect(ends.at(-1)).toBeLessThanOrEqual(durationSeconds);
}

describe("local voice server, eSpeak engine", () => {
  it("reports itself healthy with its engine, and warm once every worker has spoken its first phrase", async () => {
    const health = async () => (await fetch(`${espeak.url}/health`)).json();
    const response = await fetch(`${espeak.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", engine: "espeak" });
    // npm start says the app is ready only after this (scripts/start.mjs).
    await expect.poll(health, { timeout: 30_000 }).toEqual({ status: "ok", engine: "espeak", warm: true });
  });

  it("speaks text as a mono MPEG-1 Layer III file at 44.1 kHz whose length fits the text", async () => {
    const { json, mp3 } = await speakOk(espeak.url, { text: SENTENCE });
    expect(firstFrame(mp3)).toEqual({ sync: true, version: "MPEG-1", layerIII: true, sampleRate: 44100, mono: true });
    const seconds = parseMp3DurationMs(mp3) / 1000;
    // Speech runs at roughly 10–25 characters a second.
    expect(seconds).toBeGreaterThan(SENTENCE.length / 25);
    expect(seconds).toBeLessThan(SENTENCE.length / 10);
    expect(json.usage).toEqual({ processedCharactersCount: SENTENCE.length, modelId: "inworld-tts-1.5-mini" });
  });

  it("times every character, entities, digits and surrogate pairs included, in order and within the audio", async () => {
    const { json, mp3 } = await speakOk(espeak.url, { text: SENTENCE });
    const alignment = json.timestampInfo?.characterAlignment as CharacterAlignment;
    expectCharacterTimeline(alignment, SENTENCE, parseMp3DurationMs(mp3) / 1000);
    // Words take time: "pepper" does not start when "Salt" does, and the last word starts after the first.
    const starts = alignment.characterStartTimeSeconds;
    expect(starts[SENTENCE.indexOf("pepper")]).toBeGreaterThan(starts[0]);
    expect(starts[SENTENCE.indexOf("works")]).toBeGreaterThan(starts[SENTENCE.indexOf("cook")]);
  });

  it("encodes at the requested sample rate", async () => {
    const { mp3 } = await speakOk(espeak.url, {
      text: "Hello there.",
      audioConfig: { audioEncoding: "MP3", sampleRateHertz: 22050, bitRate: 32000 },
    });
    expect(firstFrame(mp3)).toMatchObject({ sync: true, version: "MPEG-2", layerIII: true, sampleRate: 22050 });
  });

  it("gives each of the ten English voices its own sound", async () => {
    const text = "Every voice reads this sentence in its own way.";
    const english = voicesFor("en");
    const audio = await Promise.all(english.map(async (voice) => (await speakOk(espeak.url, { text, voiceId: voice.id })).json.audioContent));
    expect(english).toHaveLength(10);
    expect(new Set(audio).size).toBe(10);
  });

  it("speaks each language in its own voices, each voice of a language sounding apart", async () => {
    const sentences: Record<string, string> = { fr: "Le marché rouvre samedi.", zh: "书店重新开张了。", ar: "المكتبة تفتح مساء." };
    for (const [lang, text] of Object.entries(sentences)) {
      const audio = await Promise.all(
        voicesFor(lang).map(async (voice) => (await speakOk(espeak.url, { text, voiceId: voice.id })).json.audioContent),
      );
      expect(new Set(audio).size, lang).toBe(audio.length);
    }
  });

  it("returns word timestamps when asked for WORD", async () => {
    const text = "One small step, for a man.";
    const { json, mp3 } = await speakOk(espeak.url, { text, timestampType: "WORD" });
    expect(json.timestampInfo?.characterAlignment).toBeUndefined();
    const words = json.timestampInfo?.wordAlignment as WordAlignment;
    expect(words.words).toEqual(["One", "small", "step,", "for", "a", "man."]);
    for (let i = 0; i < words.words.length; i++) {
      if (i > 0) expect(words.wordStartTimeSeconds[i]).toBeGreaterThanOrEqual(words.wordEndTimeSeconds[i - 1]);
      expect(words.wordEndTimeSeconds[i]).toBeGreaterThan(words.wordStartTimeSeconds[i]);
    }
    expect(words.wordEndTimeSeconds.at(-1)).toBeLessThanOrEqual(parseMp3DurationMs(mp3) / 1000);
  });

  it("answers without timestamps when none are asked for", async () => {
    const { json } = await speakOk(espeak.url, { text: "Quiet.", timestampType: undefined });
    expect(json.timestampInfo).toBeUndefined();
  });

  it.each([
    ["text over 2000 characters", { text: "a".repeat(2001) }, /2000/],
    ["empty text", { text: "" }, /empty/],
    ["an unknown voice", { text: "Hi", voiceId: "Nobody" }, /Unknown voice/],
    [
      "a sample rate MP3 does not have",
      { text: "Hi", audioConfig: { audioEncoding: "MP3", sampleRateHertz: 44000, bitRate: 64000 } },
      /sampleRateHertz/,
    ],
  ])("rejects %s with 400 and gRPC code 3", async (_, body, message) => {
    const response = await speakToVoice(espeak.url, body);
    expect(response.status).toBe(400);
    const json = await response.json();
    expect(json).toMatchObject({ code: 3, details: [] });
    expect(json.message).toMatch(message);
  });

  it("rejects a body that is not JSON with 400", async () => {
    const response = await fetch(`${espeak.url}/tts/v1/voice`, { method: "POST", headers: { Authorization: "Basic x" }, body: "{text" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 3 });
  });

  it.each([
    ["no Authorization header", {}],
    ["an empty Basic key", { Authorization: "Basic " }],
    ["a Bearer token", { Authorization: "Bearer abc" }],
  ])("rejects %s with 401 and gRPC code 16", async (_, headers) => {
    const response = await fetch(`${espeak.url}/tts/v1/voice`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body: JSON.stringify({ text: "Hi", voiceId: "Ashley" }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 16, details: [] });
  });

  it("fails the next requests as failNext says, in order, then speaks again", async () => {
    expect((await control({ failNext: [429, 500] })).status).toBe(200);
    const first = await speakToVoice(espeak.url, { text: "Try again." });
    const second = await speakToVoice(espeak.url, { text: "Try again." });
    const third = await speakToVoice(espeak.url, { text: "Try again." });
    expect([first.status, second.status, third.status]).toEqual([429, 500, 200]);
    expect(await first.json()).toMatchObject({ code: 8, details: [] });
    expect(await second.json()).toMatchObject({ code: 13, details: [] });
    expect((await stats()).byStatus).toEqual({ "200": 1, "429": 1, "500": 1 });
  });

  it("fails every request at rate 1 until reset", async () => {
    await control({ fail429Rate: 1 });
    expect((await speakToVoice(espeak.url, { text: "No." })).status).toBe(429);
    expect((await speakToVoice(espeak.url, { text: "No." })).status).toBe(429);
    await fetch(`${espeak.url}/__reset`, { method: "POST" });
    expect((await speakToVoice(espeak.url, { text: "Yes." })).status).toBe(200);
  });

  it("waits the configured latency before answering", async () => {
    await control({ latencyMs: 300, latencyPerCharMs: 10 });
    const started = performance.now();
    await speakOk(espeak.url, { text: "Slow." }); // 300 + 5 × 10 ms at least
    expect(performance.now() - started).toBeGreaterThanOrEqual(340);
  });

  it("rejects control settings out of range", async () => {
    const response = await control({ fail429Rate: 2 });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 3 });
  });

  it("counts requests, characters spoken and statuses, and forgets them on reset", async () => {
    await speakOk(espeak.url, { text: "First." });
    await speakOk(espeak.url, { text: "And second." });
    await speakToVoice(espeak.url, { text: "" });
    expect(await stats()).toEqual({ requests: 3, inFlight: 0, maxInFlight: 1, characters: 17, byStatus: { "200": 2, "400": 1 } });
    await fetch(`${espeak.url}/__reset`, { method: "POST" });
    expect(await stats()).toEqual({ requests: 0, inFlight: 0, maxInFlight: 0, characters: 0, byStatus: {} });
  });

  it("holds a hung request open until the client aborts, then lets it go", async () => {
    await control({ failNext: ["hang"] });
    const abort = new AbortController();
    const pending = speakToVoice(espeak.url, { text: "Never answered." }, { signal: abort.signal });
    await expect.poll(async () => (await stats()).inFlight).toBe(1);
    abort.abort();
    await expect(pending).rejects.toThrow();
    await expect.poll(async () => (await stats()).inFlight).toBe(0);
    expect((await stats()).byStatus).toEqual({});
    expect((await speakToVoice(espeak.url, { text: "Back again." })).status).toBe(200);
  });

  it("synthesizes two long chunks at once, both complete", async () => {
    const [a, b] = await Promise.all([
      speakOk(espeak.url, { text: LONG_TEXT, voiceId: "Ashley" }),
      speakOk(espeak.url, { text: LONG_TEXT, voiceId: "Dennis" }),
    ]);
    for (const { json, mp3 } of [a, b]) {
      const seconds = parseMp3DurationMs(mp3) / 1000;
      expect(seconds).toBeGreaterThan(LONG_TEXT.length / 25);
      expectCharacterTimeline(json.timestampInfo?.characterAlignment as CharacterAlignment, LONG_TEXT, seconds);
    }
    const { maxInFlight, byStatus } = await stats();
    expect(maxInFlight).toBe(2);
    expect(byStatus).toEqual({ "200": 2 });
  });
});

describe("local voice server, silence engine", () => {
  it("reports the silence engine", async () => {
    expect(await (await fetch(`${silence.url}/health`)).json()).toEqual({ status: "ok", engine: "silence", warm: true });
  });

  it("returns valid silent MP3 about as long as speech of the text, with a full timeline", async () => {
    const { json, mp3 } = await speakOk(silence.url, { text: LONG_TEXT });
    expect(firstFrame(mp3)).toEqual({ sync: true, version: "MPEG-1", layerIII: true, sampleRate: 44100, mono: true });
    const seconds = parseMp3DurationMs(mp3) / 1000;
    expect(seconds).toBeGreaterThanOrEqual(LONG_TEXT.length / 14);
    expect(seconds).toBeLessThan(LONG_TEXT.length / 14 + 0.1);
    expectCharacterTimeline(json.timestampInfo?.characterAlignment as CharacterAlignment, LONG_TEXT, seconds);
  });

  it("applies the same validation as the speaking engine", async () => {
    expect((await speakToVoice(silence.url, { text: "x".repeat(2001) })).status).toBe(400);
    expect((await speakToVoice(silence.url, { text: "Hi" }, { headers: { Authorization: "" } })).status).toBe(401);
  });

  it("has no control interface unless LOCAL_VOICE_CONTROL=1", async () => {
    for (const [method, path] of [
      ["POST", "/__control"],
      ["GET", "/__stats"],
      ["POST", "/__reset"],
    ]) {
      const response = await fetch(`${silence.url}${path}`, { method });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: 5 });
    }
  });
});
