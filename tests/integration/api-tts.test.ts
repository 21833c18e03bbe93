// POST /api/tts through the API composed in process, talking to the local voice server over HTTP; a real API
// process on Bun where the client disconnects.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { cleanTextForTTS } from "@/lib/text/clean-text";
import { VOICE_PRESETS } from "@/lib/voices";
import { planTTSChunks } from "@/lib/text/chunk-plan";
import { composeApi, type InProcessApi } from "../support/in-process-api";
import { startApi } from "../support/processes";
import { walkMp3 } from "../support/mp3-walk";
import { article, uniqueSentence } from "../support/articles";
import { voiceControl } from "../support/voice-control";
import { AUTH_SECRET, callApi, getHealth, sessionToken, type ApiTarget, type TtsBody } from "../support/tts-api";

const voiceUrl = inject("voiceUrl");
const voice = voiceControl(voiceUrl);
let api: InProcessApi;

const token = (tier: "free" | "premium") => sessionToken(tier, `user-${tier}`);

async function tts(body: unknown, init: { headers?: Record<string, string>; signal?: AbortSignal; raw?: string; to?: ApiTarget } = {}) {
  return callApi(init.to ?? api, "/api/tts", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...init.headers },
    body: init.raw ?? JSON.stringify(body),
    signal: init.signal,
  });
}

function expectTimeline(body: TtsBody, text: string) {
  const { characters, characterStartTimesSeconds: starts, characterEndTimesSeconds: ends } = body.alignment;
  expect(characters.join("")).toBe(cleanTextForTTS(text)); // invariant 1
  for (let i = 0; i < starts.length; i++) {
    if (i > 0) expect(starts[i]).toBeGreaterThanOrEqual(starts[i - 1]); // invariant 2
    expect(ends[i]).toBeGreaterThanOrEqual(starts[i]);
  }
  expect(ends[ends.length - 1]).toBeLessThanOrEqual(body.durationMs / 1000 + 0.05);
}

const env = {
  INWORLD_API_KEY: "integration",
  INWORLD_BASE_URL: voiceUrl,
  AUTH_SECRET,
  TTS_RATE_LIMIT_PER_MIN: "10000",
  TTS_DAILY_FREE_LIMIT: "10000",
  REDIS_URL: "",
};

beforeAll(async () => {
  api = await composeApi(env);
});
afterAll(async () => {
  await api?.close();
});
beforeEach(async () => {
  await voice.reset();
});

describe("POST /api/tts speaks an article", () => {
  it("returns one playable MP3 whose timeline spells the cleaned text", async () => {
    const text = `Advertisement\n\nThe river ran quietly past the mill. ${uniqueSentence()}`;
    const res = await tts({ text, voice: "Dennis" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    const body = (await res.json()) as TtsBody;
    const audio = Buffer.from(body.audioBase64, "base64");
    const walk = walkMp3(audio);
    expect(walk.sampleRate).toBe(44_100);
    expect(walk.frames).toBeGreaterThan(20);
    expect(Math.abs(body.durationMs - walk.durationMs) / walk.durationMs).toBeLessThan(0.01); // invariant 3
    expect(body.alignment.characters.join("")).not.toContain("Advertisement");
    expectTimeline(body, text);
  });

  it("merges a multi-chunk article into one file with a single Info frame and offsets by decoded durations", async () => {
    const text = article(5_000);
    const chunks = planTTSChunks(cleanTextForTTS(text));
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    // Later chunks are shorter, so with latency per character they finish first.
    await voice.control({ latencyPerCharMs: 0.5 });
    const res = await tts({ text });
    expect(res.status).toBe(200);
    const body = (await res.json()) as TtsBody;
    expectTimeline(body, text);

    const audio = Buffer.from(body.audioBase64, "base64");
    const walk = walkMp3(audio);
    expect(walk.xingFrames).toEqual([walk.firstFrameOffset]); // invariant 4
    expect(walk.firstFrameOffset).toBe(0);
    // Frames run back to back from byte 0 to the last byte: no chunk's ID3 tag or junk survived inside.
    expect(walk.endOffset).toBe(audio.length);
    const stats = await voice.stats();
    expect(stats.requests).toBe(chunks.length);
    expect(stats.maxInFlight).toBeLessThanOrEqual(3);

    // Invariant 5: synthesize each chunk alone and check chunk k starts where the decoded audio of 0..k-1 ends.
    await voice.reset();
    let offsetSeconds = 0;
    for (const chunk of chunks) {
      const single = await voice.synthesize(chunk.text, "Ashley");
      const first = body.alignment.characterStartTimesSeconds[chunk.offset];
      // eSpeak's output can differ by one MP3 frame (26 ms) between runs; offsetting by the last timestamp
      // instead would miss by each chunk's trailing silence, hundreds of milliseconds.
      expect(Math.abs(first - (offsetSeconds + single.firstStartSeconds))).toBeLessThan(0.03 * (chunks.indexOf(chunk) + 1));
      offsetSeconds += walkMp3(single.audio).durationMs / 1000;
    }
    expect(Math.abs(body.durationMs / 1000 - offsetSeconds)).toBeLessThan(0.03 * chunks.length);
    // Real eSpeak speech of 5,000 characters, then each chunk again on its own: minutes on a loaded machine.
  }, 180_000);

  it("speaks each voice differently", async () => {
    const text = `A short line to compare voices. ${uniqueSentence()}`;
    const bodies = await Promise.all(["Ashley", "Dennis"].map(async (v) => (await (await tts({ text, voice: v })).json()) as TtsBody));
    expect(bodies[0].audioBase64).not.toBe(bodies[1].audioBase64);
  });
});

describe("upstream failures", () => {
  it("retries 429s and still answers 200", async () => {
    await voice.control({ failNext: [429, 429] });
    const res = await tts({ text: `Retry me please. ${uniqueSentence()}` });
    expect(res.status).toBe(200);
    expect((await voice.stats()).byStatus["429"]).toBe(2);
  });

  it("answers 503 UPSTREAM_UNAVAILABLE when 429s outlast the retries", async () => {
    await voice.control({ failNext: [429, 429, 429, 429] });
    const res = await tts({ text: `Never succeeds. ${uniqueSentence()}` });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
    expect((await voice.stats()).byStatus["429"]).toBe(4);
  });

  it("answers 502 UPSTREAM_ERROR for an upstream 500 and caches nothing of the article", async () => {
    const text = article(4_000);
    const chunks = planTTSChunks(cleanTextForTTS(text)).length;
    await voice.control({ failNext: [500] });
    const failed = await tts({ text });
    expect(failed.status).toBe(502);
    expect(await failed.json()).toMatchObject({ code: "UPSTREAM_ERROR" });
    await voice.reset();
    const retried = await tts({ text });
    expect(retried.status).toBe(200);
    expect(retried.headers.get("x-tts-cache")).toBeNull();
    expect((await voice.stats()).requests).toBe(chunks);
  });

  it("answers 504 UPSTREAM_TIMEOUT when a chunk hangs past the per-chunk timeout", async () => {
    const impatient = await composeApi({ INWORLD_API_KEY: "integration", INWORLD_BASE_URL: voiceUrl, TTS_CHUNK_TIMEOUT_MS: "1000" });
    try {
      await voice.control({ hangRate: 1 });
      const res = await tts({ text: `This will hang. ${uniqueSentence()}` }, { to: impatient });
      expect(res.status).toBe(504);
      expect(await res.json()).toMatchObject({ code: "UPSTREAM_TIMEOUT" });
      // The hung call was abandoned by the API, not left open.
      await expect.poll(async () => (await voice.stats()).inFlight, { timeout: 3_000 }).toBe(0);
    } finally {
      await impatient.close();
    }
  });

  it("cancels upstream calls and frees the slot when the client goes away", async () => {
    // A real process: the client leaves by closing its socket.
    const running = await startApi(env);
    try {
      await voice.control({ latencyMs: 5_000 });
      const controller = new AbortController();
      const pending = tts({ text: article(4_000) }, { signal: controller.signal, to: running.url }).catch((e: Error) => e);
      await expect.poll(async () => (await voice.stats()).inFlight, { timeout: 5_000 }).toBeGreaterThan(0);
      controller.abort();
      expect(await pending).toBeInstanceOf(Error);
      await expect.poll(async () => (await voice.stats()).inFlight, { timeout: 3_000 }).toBe(0);
      await expect.poll(async () => (await getHealth(running.url)).tts.activeSlots).toBe(0);
    } finally {
      await running.stop();
    }
  });
});

describe("bad input gets a clear JSON error", () => {
  const cases: Array<[string, () => Promise<Response>, number, string]> = [
    ["a body that is not JSON", () => tts(undefined, { raw: "{not json" }), 400, "INVALID_REQUEST"],
    ["text of the wrong type", () => tts({ text: 42 }), 400, "INVALID_REQUEST"],
    ["a missing text", () => tts({ voice: "Ashley" }), 400, "INVALID_REQUEST"],
    ["an unknown voice", () => tts({ text: "Hello there.", voice: "Nobody" }), 400, "INVALID_REQUEST"],
    ["text that is empty after cleaning", () => tts({ text: "  Advertisement \n\n  " }), 400, "INVALID_REQUEST"],
    ["text over 100,000 characters", () => tts({ text: "word ".repeat(20_001) }), 413, "TEXT_TOO_LONG"],
    ["a premium voice for an anonymous reader", () => tts({ text: "Hello there.", voice: "Olivia" }), 403, "PREMIUM_VOICE"],
    [
      "a premium voice for a free reader",
      async () => tts({ text: "Hello there.", voice: "Olivia" }, { headers: { Authorization: `Bearer ${await token("free")}` } }),
      403,
      "PREMIUM_VOICE",
    ],
    [
      "a forged token",
      () => tts({ text: "Hello there." }, { headers: { Authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad" } }),
      401,
      "UNAUTHORIZED",
    ],
  ];
  for (const [what, send, status, code] of cases) {
    it(`answers ${status} ${code} for ${what}`, async () => {
      const res = await send();
      expect(res.status).toBe(status);
      const body = (await res.json()) as { error: string; code: string };
      expect(body.code).toBe(code);
      expect(body.error.length).toBeGreaterThan(5);
    });
  }

  it("lets a premium reader use a premium voice", async () => {
    const res = await tts(
      { text: `Premium voices sound different. ${uniqueSentence()}`, voice: "Olivia" },
      { headers: { Authorization: `Bearer ${await token("premium")}` } },
    );
    expect(res.status).toBe(200);
  });

  it("leaves no slot taken after all those failures", async () => {
    const health = await getHealth(api);
    expect(health.status).toBe("ok");
    expect(health.tts.activeSlots).toBe(0);
    expect(health.tts.queuedRequests).toBe(0);
  });
});

describe("POST /api/tts in an article's language", () => {
  it("speaks French in a French voice, and answers the language's default voice from the same cache entry", async () => {
    const text = `Le marché couvert du vieux port a rouvert samedi matin. ${uniqueSentence()}`;
    const res = await tts({ text, voice: "Hélène", lang: "fr" });
    expect(res.status).toBe(200);
    expectTimeline((await res.json()) as TtsBody, text);
    // The language's first free voice when none is named.
    const again = await tts({ text, lang: "fr-FR" });
    expect(again.status).toBe(200);
    expect(again.headers.get("x-tts-cache")).toBe("article-hit");
  });

  it("refuses a language no voice speaks with 422 UNSUPPORTED_LANGUAGE, on both endpoints, before any upstream call", async () => {
    for (const path of ["/api/tts", "/api/tts/stream"]) {
      const res = await callApi(api, path, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: "የከተማው ነዋሪዎች የሌሊት ጀልባውን ለማቆየት ድምጽ ሰጡ።", lang: "am" }),
      });
      expect(res.status).toBe(422);
      expect(await res.json()).toEqual({ code: "UNSUPPORTED_LANGUAGE", error: "Listen can't read Amharic yet: no voice speaks it" });
    }
    expect((await voice.stats()).requests).toBe(0);
  });

  it("refuses a voice that does not speak the language, and a malformed language tag", async () => {
    const wrongVoice = await tts({ text: "Bonjour à tous.", voice: "Ashley", lang: "fr" });
    expect(wrongVoice.status).toBe(400);
    expect(await wrongVoice.json()).toMatchObject({ code: "INVALID_REQUEST", error: 'Voice "Ashley" does not speak French' });
    for (const lang of ["", "français", "x".repeat(40), 7]) {
      const res = await tts({ text: "Bonjour.", lang });
      expect(res.status, String(lang)).toBe(400);
      expect(await res.json()).toMatchObject({ code: "INVALID_REQUEST" });
    }
    expect((await voice.stats()).requests).toBe(0);
  });
});

describe("GET /api/tts/voices", () => {
  it("lists every voice with the languages it speaks, locking premium voices for anonymous readers", async () => {
    const res = await callApi(api, "/api/tts/voices");
    expect(res.headers.get("cache-control")).toBe("private, max-age=300");
    const { voices } = (await res.json()) as { voices: Array<{ id: string; tier: string; locked: boolean; languages: string[] }> };
    expect(voices.map((v) => v.id)).toEqual(VOICE_PRESETS.map((v) => v.id));
    expect(voices.every((v) => v.locked === (v.tier === "premium"))).toBe(true);
    expect(new Set(voices.flatMap((v) => v.languages))).toEqual(
      new Set(["en", "fr", "de", "es", "it", "pt", "nl", "pl", "ru", "ar", "he", "hi", "zh", "ja", "ko"]),
    );
  });

  it("lists the voices of one language with ?lang=: the spec's ten for English", async () => {
    const english = (await (await callApi(api, "/api/tts/voices?lang=en-GB")).json()) as { voices: Array<{ id: string; locked: boolean }> };
    expect(english.voices).toHaveLength(10);
    expect(english.voices.filter((v) => !v.locked).map((v) => v.id)).toEqual(["Ashley", "Dennis"]);
    const arabic = (await (await callApi(api, "/api/tts/voices?lang=ar")).json()) as { voices: Array<{ id: string; languages: string[] }> };
    expect(arabic.voices.map((v) => [v.id, v.languages])).toEqual([
      ["Nour", ["ar"]],
      ["Omar", ["ar"]],
    ]);
    expect(await (await callApi(api, "/api/tts/voices?lang=am")).json()).toEqual({ voices: [] });
    expect((await callApi(api, "/api/tts/voices?lang=%3Cscript%3E")).status).toBe(400);
  });

  it("unlocks every voice for a premium reader", async () => {
    const res = await callApi(api, "/api/tts/voices", { headers: { Authorization: `Bearer ${await token("premium")}` } });
    const { voices } = (await res.json()) as { voices: Array<{ locked: boolean }> };
    expect(voices.every((v) => !v.locked)).toBe(true);
  });
});

describe("an API without an Inworld key", () => {
  it("answers 503 TTS_DISABLED", async () => {
    const bare = await composeApi({ INWORLD_API_KEY: "", AUTH_SECRET });
    try {
      const res = await tts({ text: "Hello." }, { to: bare });
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ code: "TTS_DISABLED" });
    } finally {
      await bare.close();
    }
  });
});
