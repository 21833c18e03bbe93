import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { alignmentToWordBoundaries, splitWords } from "@/lib/alignment/word-boundaries";
import { mergeAlignments } from "@/lib/alignment/merge-alignments";
import { splitTTSChunks } from "@/lib/text/split-chunks";
import { cleanTextForTTS } from "@/lib/text/clean-text";
import { createRandom, randomChars, randomInt } from "@/tests/support/random-text";
import { evenAlignment } from "@/tests/support/synthetic-alignment";

describe("splitWords", () => {
  it("returns maximal runs of non-whitespace with their offsets", () => {
    expect(splitWords("  “Hello,” she said —\n\tgo!")).toEqual([
      { text: "“Hello,”", start: 2, end: 10 },
      { text: "she", start: 11, end: 14 },
      { text: "said", start: 15, end: 19 },
      { text: "—", start: 20, end: 21 },
      { text: "go!", start: 23, end: 26 },
    ]);
  });

  it("treats a no-break space as whitespace and a zero-width space as part of a word", () => {
    expect(splitWords("a\u00A0b c\u200Bd").map((w) => w.text)).toEqual(["a", "b", "c\u200Bd"]);
  });

  it("returns no words for empty or whitespace-only text", () => {
    expect(splitWords("")).toEqual([]);
    expect(splitWords(" \n\n ")).toEqual([]);
  });

  it("covers exactly the non-whitespace of any text", () => {
    const random = createRandom(8);
    for (let run = 0; run < 300; run++) {
      const text = randomChars(random, randomInt(random, 0, 300));
      const words = splitWords(text);
      expect(words.map((w) => w.text).join("")).toBe(text.replace(/\s/g, ""));
      expect(words.every((w) => text.slice(w.start, w.end) === w.text)).toBe(true);
    }
  });
});

describe("alignmentToWordBoundaries", () => {
  it("turns the spec's character alignment into its word boundaries", () => {
    const alignment = {
      characters: ["H", "e", "l", "l", "o", " ", "w", "o", "r", "l", "d"],
      characterStartTimesSeconds: [0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 0.55, 0.6, 0.65, 0.7],
      characterEndTimesSeconds: [0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.55, 0.6, 0.65, 0.7, 0.9],
    };
    expect(alignmentToWordBoundaries(alignment)).toEqual([
      { text: "Hello", offset: 0, duration: 300, textOffset: 0, textLength: 5 },
      { text: "world", offset: 500, duration: 400, textOffset: 6, textLength: 5 },
    ]);
  });

  it("refuses an alignment that is not one entry per character", () => {
    const alignment = { characters: ["a", "😀"], characterStartTimesSeconds: [0, 1], characterEndTimesSeconds: [1, 2] };
    expect(() => alignmentToWordBoundaries(alignment)).toThrow(RangeError);
    expect(() =>
      alignmentToWordBoundaries({ characters: ["a", "b"], characterStartTimesSeconds: [0], characterEndTimesSeconds: [1] }),
    ).toThrow(RangeError);
  });

  it("yields word N of the merged article for DOM word N, with times that never go back", () => {
    const text = cleanTextForTTS(readFileSync(new URL("../fixtures/text/long-article.txt", import.meta.url), "utf8"));
    const parts = splitTTSChunks(text).map((chunk) => ({
      ...chunk,
      alignment: evenAlignment(chunk.text, 0.05),
      durationMs: chunk.text.length * 50 + 300,
    }));
    const boundaries = alignmentToWordBoundaries(mergeAlignments(text, parts));
    const domWords = splitWords(text);

    expect(boundaries.length).toBe(domWords.length);
    expect(boundaries.every((b, i) => b.text === domWords[i].text && b.textOffset === domWords[i].start)).toBe(true);
    expect(boundaries.every((b, i) => b.duration >= 0 && (i === 0 || b.offset >= boundaries[i - 1].offset))).toBe(true);
  });
});
