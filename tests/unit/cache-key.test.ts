import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { articleCacheKey, CACHE_VERSION, chunkCacheKey, sha256Hex, type AudioSettings, type CacheKeyInput } from "@/lib/text/cache-key";

const SETTINGS: AudioSettings = {
  modelId: "inworld-tts-1.5-mini",
  audioEncoding: "MP3",
  sampleRateHertz: 44100,
  bitRate: 64000,
};
const BASE: CacheKeyInput = { text: "The harbour wakes before the town does.", voiceId: "Ashley", lang: "en", settings: SETTINGS };

describe("sha256Hex", () => {
  it("matches the known SHA-256 digests", async () => {
    expect(await sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("hashes the UTF-8 bytes of non-ASCII text, as Node's crypto does", async () => {
    const text = "naïve café 😀 日本語";
    expect(await sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
  });
});

describe("articleCacheKey and chunkCacheKey", () => {
  it("are 64 lowercase hex characters and deterministic", async () => {
    const key = await chunkCacheKey(BASE);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await chunkCacheKey({ ...BASE, settings: { ...SETTINGS } })).toBe(key);
  });

  it("never give an article the key of a chunk with the same text", async () => {
    expect(await articleCacheKey(BASE)).not.toBe(await chunkCacheKey(BASE));
  });

  it("cover the cache version", async () => {
    const expected = await sha256Hex(
      JSON.stringify([CACHE_VERSION, "chunk", "inworld-tts-1.5-mini", "MP3", 44100, 64000, "en", "Ashley", BASE.text]),
    );
    expect(await chunkCacheKey(BASE)).toBe(expected);
    expect(CACHE_VERSION).toBe("v3");
  });

  const changes: Array<[string, CacheKeyInput]> = [
    ["text", { ...BASE, text: `${BASE.text} ` }],
    ["voice", { ...BASE, voiceId: "Dennis" }],
    ["language", { ...BASE, lang: "fr" }],
    ["model", { ...BASE, settings: { ...SETTINGS, modelId: "inworld-tts-1.5-max" } }],
    ["sample rate", { ...BASE, settings: { ...SETTINGS, sampleRateHertz: 48000 } }],
    ["bit rate", { ...BASE, settings: { ...SETTINGS, bitRate: 128000 } }],
    ["encoding", { ...BASE, settings: { ...SETTINGS, audioEncoding: "OGG" as "MP3" } }],
  ];

  it.each(changes)("change when the %s changes", async (_field, changed) => {
    expect(await articleCacheKey(changed)).not.toBe(await articleCacheKey(BASE));
    expect(await chunkCacheKey(changed)).not.toBe(await chunkCacheKey(BASE));
  });

  it("keep fields apart, so moving characters between voice and text changes the key", async () => {
    const a = await chunkCacheKey({ ...BASE, voiceId: "Ash", text: `ley","${BASE.text}` });
    const b = await chunkCacheKey({ ...BASE, voiceId: "Ashley", text: BASE.text });
    const c = await chunkCacheKey({ ...BASE, voiceId: "Ashley|", text: BASE.text });
    const d = await chunkCacheKey({ ...BASE, voiceId: "Ashley", text: `|${BASE.text}` });
    expect(new Set([a, b, c, d]).size).toBe(4);
  });
});
