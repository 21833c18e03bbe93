import { describe, expect, it } from "vitest";
import { detectConversation } from "@/lib/conversation/detect-turns";
import { castOf, conversationSpeech, sameSpeech, segmentAt, speechBody, speechCacheKey, speechMemorySlot } from "@/lib/conversation/speech";
import { articleCacheKey, conversationCacheKey, DEFAULT_AUDIO_SETTINGS as settings } from "@/lib/text/cache-key";

const TEXT = ["An introduction.", "Q: One?", "A: Two.", "Q: Three?", "A: Four.", "More of four."].join("\n\n");
const conversation = detectConversation(TEXT)!;

describe("conversationSpeech and castOf", () => {
  it("asks each turn's words in its speaker's voice, and reads the cast back", () => {
    const speech = conversationSpeech(conversation, ["Sarah", "Ashley", "Dennis"]);
    expect(speechBody(speech)).toEqual({
      segments: [
        { text: "An introduction.", voice: "Sarah" },
        { text: "One?", voice: "Ashley" },
        { text: "Two.", voice: "Dennis" },
        { text: "Three?", voice: "Ashley" },
        { text: "Four.\n\nMore of four.", voice: "Dennis" },
      ],
    });
    expect(castOf(conversation, speech)).toEqual(["Sarah", "Ashley", "Dennis"]);
    expect(castOf(conversation, { text: TEXT, voice: "Ashley" })).toBeNull();
  });
});

describe("the caches' keys", () => {
  it("L1 uses the server's own keys, so a conversation and an article never share one", async () => {
    const speech = conversationSpeech(conversation, ["Sarah", "Ashley", "Dennis"]);
    const segments = conversation.turns.map((t, i) => ({ text: t.text, voiceId: ["Sarah", "Ashley", "Dennis"][t.speaker] ?? String(i) }));
    expect(await speechCacheKey(speech, settings)).toBe(await conversationCacheKey({ segments, lang: "en", settings }));
    expect(await speechCacheKey({ text: TEXT, voice: "Ashley" }, settings)).toBe(
      await articleCacheKey({ text: TEXT, voiceId: "Ashley", lang: "en", settings }),
    );
  });

  it("send the article's language and key L1 with it as the server does", async () => {
    const french = { text: "Le marché rouvre.", voice: "Hélène", lang: "fr" };
    expect(speechBody(french)).toEqual(french);
    expect(speechBody({ text: TEXT, voice: "Ashley" })).toEqual({ text: TEXT, voice: "Ashley" });
    expect(await speechCacheKey(french, settings)).toBe(await articleCacheKey({ text: french.text, voiceId: "Hélène", lang: "fr", settings }));
    expect(await speechCacheKey({ text: TEXT, voice: "Ashley", lang: "en" }, settings)).toBe(
      await speechCacheKey({ text: TEXT, voice: "Ashley" }, settings),
    );
    expect(await speechCacheKey({ ...french, lang: "de" }, settings)).not.toBe(await speechCacheKey(french, settings));
  });

  it("L0 and L1 tell casts apart when one speaker's voice changes, and agree on the same cast", async () => {
    const a = conversationSpeech(conversation, ["Sarah", "Ashley", "Dennis"]);
    const b = conversationSpeech(conversation, ["Sarah", "Ashley", "Ashley"]);
    expect(speechMemorySlot(a)).not.toEqual(speechMemorySlot(b));
    expect(await speechCacheKey(a, settings)).not.toBe(await speechCacheKey(b, settings));
    expect(sameSpeech(a, conversationSpeech(conversation, ["Sarah", "Ashley", "Dennis"]))).toBe(true);
    expect(sameSpeech(a, b)).toBe(false);
  });

  it("an article's L0 slot is its voice and text, as before conversations", () => {
    expect(speechMemorySlot({ text: "Hello.", voice: "Dennis" })).toEqual({ voice: "Dennis", text: "Hello." });
  });
});

describe("segmentAt", () => {
  const segments = [0, 1200, 1200, 5000].map((startMs, i) => ({ voice: String(i), startMs }));

  it("is the last segment started by then", () => {
    expect(segmentAt(segments, 0)).toBe(0);
    expect(segmentAt(segments, 1199)).toBe(0);
    expect(segmentAt(segments, 1200)).toBe(2);
    expect(segmentAt(segments, 4999)).toBe(2);
    expect(segmentAt(segments, 60_000)).toBe(3);
  });

  it("is -1 before any segment has arrived", () => {
    expect(segmentAt([], 10)).toBe(-1);
    expect(segmentAt([{ voice: "a", startMs: 500 }], 10)).toBe(-1);
  });
});
