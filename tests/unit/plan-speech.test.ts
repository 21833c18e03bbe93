import { describe, expect, it } from "vitest";
import { OPENING_MAX_CHARS, planSpeech, planTTSChunks, SEGMENT_SEPARATOR } from "@/lib/text/chunk-plan";
import { cleanTextForTTS } from "@/lib/text/clean-text";
import { CHUNK_MAX_CHARS, splitTTSChunks } from "@/lib/text/split-chunks";
import { createRandom, randomInt, randomProse } from "@/tests/support/random-text";

const VOICES = ["Ashley", "Dennis", "Sarah"];

function randomConversation(seed: number) {
  const random = createRandom(seed);
  return Array.from({ length: randomInt(random, 1, 12) }, (_, i) => ({
    text: cleanTextForTTS(randomProse(random, randomInt(random, 1, 4_000))) || "Yes.",
    voiceId: VOICES[i % VOICES.length],
  }));
}

describe("planSpeech", () => {
  it("plans a single article exactly as planTTSChunks does", () => {
    const text = cleanTextForTTS(randomProse(createRandom(3), 9_000));
    const plan = planSpeech([{ text, voiceId: "Dennis" }]);
    expect(plan.text).toBe(text);
    expect(plan.chunks).toEqual(planTTSChunks(text).map((c) => ({ ...c, voiceId: "Dennis", segment: 0 })));
    expect(plan.segments).toEqual([{ voiceId: "Dennis", textOffset: 0, textLength: text.length }]);
  });

  it("joins the segments with a blank line and never lets a chunk span two of them", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const segments = randomConversation(seed);
      const plan = planSpeech(segments);
      expect(plan.text).toBe(segments.map((s) => s.text).join(SEGMENT_SEPARATOR));
      plan.segments.forEach((span, s) => {
        expect(plan.text.slice(span.textOffset, span.textOffset + span.textLength)).toBe(segments[s].text);
        expect(span.voiceId).toBe(segments[s].voiceId);
        const own = plan.chunks.filter((c) => c.segment === s);
        // Each segment is chunked on its own: the first keeps the short opening, the others as splitTTSChunks.
        const alone = s === 0 ? planTTSChunks(segments[s].text) : splitTTSChunks(segments[s].text, CHUNK_MAX_CHARS);
        expect(own.map((c) => ({ text: c.text, offset: c.offset - span.textOffset }))).toEqual(alone);
        for (const c of own) {
          expect(c.voiceId).toBe(span.voiceId);
          expect(c.offset).toBeGreaterThanOrEqual(span.textOffset);
          expect(c.offset + c.text.length).toBeLessThanOrEqual(span.textOffset + span.textLength);
        }
      });
      expect(plan.chunks.map((c) => c.segment)).toEqual([...plan.chunks.map((c) => c.segment)].sort((a, b) => a - b));
      expect(plan.chunks[0].text.length).toBeLessThanOrEqual(OPENING_MAX_CHARS);
    }
  });
});
