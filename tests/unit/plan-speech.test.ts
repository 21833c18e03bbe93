import { describe, expect, it } from "vitest";
import { OPENING_MAX_CHARS, planSpeech, planTTSChunks, rampLimit, RAMP_GROWTH, SEGMENT_SEPARATOR } from "@/lib/text/chunk-plan";
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
        // The first keeps the short opening; a segment that starts after the ramp is chunked on its own.
        const planned = plan.chunks.filter((c) => c.segment < s).reduce((n, c) => n + c.text.length, 0);
        if (s === 0) expect(own.map((c) => ({ text: c.text, offset: c.offset }))).toEqual(planTTSChunks(segments[0].text));
        else if (rampLimit(planned) === CHUNK_MAX_CHARS) {
          expect(own.map((c) => ({ text: c.text, offset: c.offset - span.textOffset }))).toEqual(splitTTSChunks(segments[s].text, CHUNK_MAX_CHARS));
        }
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

  it("goes on growing across the first turns, so a long turn after a short one starts with a small chunk", () => {
    const long = cleanTextForTTS(randomProse(createRandom(8), 5_000));
    const plan = planSpeech([
      { text: "Good evening.", voiceId: "Ashley" },
      { text: long, voiceId: "Dennis" },
    ]);
    const [opening, second] = plan.chunks;
    expect(opening.text).toBe("Good evening.");
    expect(second.segment).toBe(1);
    expect(second.text.length).toBeLessThanOrEqual(RAMP_GROWTH * opening.text.length);
    expect(plan.chunks.filter((c) => c.segment === 1).map((c) => c.text)).not.toEqual(splitTTSChunks(long).map((c) => c.text));
  });
});
