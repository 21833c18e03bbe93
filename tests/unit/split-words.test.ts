import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { splitWords } from "@/lib/text/split-words";
import { composeSegments } from "@/lib/transcript/compose-segments";
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

describe("the merged timeline's words", () => {
  it("yields word N of the merged article for DOM word N, with times that never go back", () => {
    const text = cleanTextForTTS(readFileSync(new URL("../fixtures/text/long-article.txt", import.meta.url), "utf8"));
    const parts = splitTTSChunks(text).map((chunk) => ({
      ...chunk,
      alignment: evenAlignment(chunk.text, 0.05),
      durationMs: chunk.text.length * 50 + 300,
    }));
    const { words } = composeSegments(mergeAlignments(text, parts));
    const domWords = splitWords(text);

    expect(words.length).toBe(domWords.length);
    expect(words.every((w, i) => w.text === domWords[i].text)).toBe(true);
    expect(words.every((w, i) => w.endTime >= w.startTime && (i === 0 || w.startTime >= words[i - 1].startTime))).toBe(true);
  });
});
