import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { mergeAlignments, type AlignmentPart } from "@/server/modules/tts/merge-alignments";
import { splitTTSChunks } from "@/lib/text/split-chunks";
import { cleanTextForTTS } from "@/lib/text/clean-text";
import { createRandom, pick, randomInt, randomProse } from "@/tests/support/random-text";
import { evenAlignment, timelineProblem } from "@/tests/support/synthetic-alignment";

/** Parts for `text` as the synthesizer would produce them: each chunk's audio a little longer than its speech. */
function partsFor(text: string, maxChars: number, random: () => number): AlignmentPart[] {
  return splitTTSChunks(text, maxChars).map((chunk) => {
    const secondsPerChar = 0.03 + random() * 0.04;
    const speechMs = chunk.text.length * secondsPerChar * 1000;
    return { ...chunk, alignment: evenAlignment(chunk.text, secondsPerChar), durationMs: speechMs + random() * 800 };
  });
}

describe("mergeAlignments", () => {
  it("offsets each chunk by the decoded durations before it, not by their last timestamps", () => {
    const text = "One two. Three four.";
    const merged = mergeAlignments(text, [
      { offset: 0, text: "One two.", alignment: evenAlignment("One two.", 0.1), durationMs: 1234 },
      { offset: 9, text: "Three four.", alignment: evenAlignment("Three four.", 0.1), durationMs: 2000 },
    ]);
    expect(merged.characters.join("")).toBe(text);
    expect(merged.characterStartTimesSeconds[9]).toBeCloseTo(1.234, 9);
    expect(merged.characterEndTimesSeconds[19]).toBeCloseTo(1.234 + 1.1, 9);
  });

  it("gives the whitespace between chunks the boundary time, and leading and trailing whitespace 0 and the total", () => {
    const text = "  Ab\n\nCd \n";
    const merged = mergeAlignments(text, [
      { offset: 2, text: "Ab", alignment: evenAlignment("Ab", 0.1), durationMs: 500 },
      { offset: 6, text: "Cd", alignment: evenAlignment("Cd", 0.1), durationMs: 700 },
    ]);
    expect(merged.characters).toEqual(text.split(""));
    expect(merged.characterStartTimesSeconds).toEqual([0, 0, 0, 0.1, 0.5, 0.5, 0.5, 0.6, 1.2, 1.2]);
    expect(merged.characterEndTimesSeconds.slice(4, 6)).toEqual([0.5, 0.5]);
    expect(merged.characterEndTimesSeconds.slice(8)).toEqual([1.2, 1.2]);
  });

  it("clamps timestamps that run past the end of their chunk's audio", () => {
    const merged = mergeAlignments("Ab Cd", [
      { offset: 0, text: "Ab", alignment: evenAlignment("Ab", 1), durationMs: 1500 },
      { offset: 3, text: "Cd", alignment: evenAlignment("Cd", 0.1), durationMs: 500 },
    ]);
    expect(merged.characterStartTimesSeconds).toEqual([0, 1, 1.5, 1.5, 1.6]);
    expect(merged.characterEndTimesSeconds).toEqual([1, 1.5, 1.5, 1.6, 1.7]);
  });

  it("fits a part whose provider alignment dropped characters", () => {
    const merged = mergeAlignments("Hi you", [{ offset: 0, text: "Hi you", alignment: evenAlignment("Hi yu", 0.1), durationMs: 600 }]);
    expect(timelineProblem("Hi you", merged, 0.6)).toBeNull();
  });

  it("gives every character time zero when there are no parts", () => {
    const merged = mergeAlignments(" \n ", []);
    expect(merged.characters.join("")).toBe(" \n ");
    expect(merged.characterEndTimesSeconds).toEqual([0, 0, 0]);
  });

  it.each<[string, AlignmentPart[]]>([
    [
      "out of order",
      [
        { offset: 3, text: "Cd", alignment: evenAlignment("Cd"), durationMs: 1 },
        { offset: 0, text: "Ab", alignment: evenAlignment("Ab"), durationMs: 1 },
      ],
    ],
    [
      "overlapping",
      [
        { offset: 0, text: "Ab C", alignment: evenAlignment("Ab C"), durationMs: 1 },
        { offset: 3, text: "Cd", alignment: evenAlignment("Cd"), durationMs: 1 },
      ],
    ],
    ["past the end", [{ offset: 3, text: "Cde", alignment: evenAlignment("Cde"), durationMs: 1 }]],
    ["not the text at its offset", [{ offset: 0, text: "Xb", alignment: evenAlignment("Xb"), durationMs: 1 }]],
    ["a fractional offset", [{ offset: 0.5, text: "Ab", alignment: evenAlignment("Ab"), durationMs: 1 }]],
  ])("rejects parts that are %s", (_case, parts) => {
    expect(() => mergeAlignments("Ab Cd", parts)).toThrow(RangeError);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])("rejects a duration of %s", (durationMs) => {
    expect(() => mergeAlignments("Ab", [{ offset: 0, text: "Ab", alignment: evenAlignment("Ab"), durationMs }])).toThrow(TypeError);
  });

  it("keeps invariants 1, 2 and 5 over generated articles and chunk sizes", () => {
    const random = createRandom(6);
    for (let run = 0; run < 300; run++) {
      const text = randomProse(random, randomInt(random, 0, 6000));
      const parts = partsFor(text, pick(random, [5, 40, 300, 1800]), random);
      const merged = mergeAlignments(text, parts);
      const totalMs = parts.reduce((sum, p) => sum + p.durationMs, 0);
      expect(timelineProblem(text, merged, totalMs / 1000), JSON.stringify(text.slice(0, 200))).toBeNull();

      // Each chunk's first character starts at 0 in its own alignment, so here exactly at the chunk's offset.
      let elapsedMs = 0;
      const offsetErrors = parts.map((part) => {
        const error = Math.abs(merged.characterStartTimesSeconds[part.offset] - elapsedMs / 1000);
        elapsedMs += part.durationMs;
        return error;
      });
      expect(Math.max(0, ...offsetErrors)).toBeLessThan(1e-9);
    }
  });

  it("merges a 100,000-character article into one timeline", () => {
    const article = cleanTextForTTS(readFileSync(new URL("../fixtures/text/long-article.txt", import.meta.url), "utf8"));
    const text = `${article}\n\n${article}`.slice(0, 100_000).trim();
    const parts = partsFor(text, 1800, createRandom(7));
    const merged = mergeAlignments(text, parts);
    const totalMs = parts.reduce((sum, p) => sum + p.durationMs, 0);
    expect(timelineProblem(text, merged, totalMs / 1000)).toBeNull();
    expect(merged.characterEndTimesSeconds.at(-1)).toBeLessThanOrEqual(totalMs / 1000);
  });
});
