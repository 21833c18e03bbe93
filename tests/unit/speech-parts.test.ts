import { describe, expect, it } from "vitest";
import { partOfWord, splitSpeechText } from "@/client/listening/speech-parts";
import { splitWords } from "@/lib/text/split-words";
import { MAX_SPEECH_CHARS, speechLimit } from "@/lib/text/speech-limit";

const words = (text: string) => splitWords(text).map((w) => w.text);

/** Every part within the limit, and the parts' words, in order, are the text's words with the right offsets. */
function expectWholeAndBounded(text: string, maxChars: number) {
  const parts = splitSpeechText(text, maxChars);
  for (const part of parts) expect(part.text.length).toBeLessThanOrEqual(maxChars);
  expect(parts.flatMap((p) => words(p.text))).toEqual(words(text));
  let first = 0;
  for (const part of parts) {
    expect(part.firstWord).toBe(first);
    expect(part.words).toBe(words(part.text).length);
    first += part.words;
  }
  return parts;
}

const paragraph = (n: number, length: number) =>
  `Paragraph ${n} says this. `
    .repeat(Math.ceil(length / 26))
    .slice(0, length)
    .trim() + ".";

describe("splitSpeechText", () => {
  it("keeps a text within the limit as one part, unchanged", () => {
    const text = "A short article.\n\nTwo paragraphs.";
    expect(splitSpeechText(text, 100)).toEqual([{ text, firstWord: 0, words: 5 }]);
  });

  it("defaults to the API's speech limit", () => {
    const text = "word ".repeat(30_000).trim();
    expect(text.length).toBeGreaterThan(MAX_SPEECH_CHARS);
    expect(splitSpeechText(text)).toHaveLength(2);
  });

  it("cuts between paragraphs, into parts of about equal length", () => {
    const text = Array.from({ length: 10 }, (_, i) => paragraph(i, 300)).join("\n\n");
    const parts = expectWholeAndBounded(text, 1200);
    expect(parts).toHaveLength(3);
    for (const part of parts) {
      expect(part.text.startsWith("Paragraph")).toBe(true);
      expect(part.text.endsWith(".")).toBe(true);
      // A third of the text, give or take a paragraph.
      expect(Math.abs(part.text.length - text.length / 3)).toBeLessThan(320);
    }
  });

  it("cuts between sentences when a paragraph is longer than a part", () => {
    const text = "This sentence is here. ".repeat(100).trim();
    const parts = expectWholeAndBounded(text, 1000);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts) expect(part.text.endsWith("here.")).toBe(true);
  });

  it("cuts between words when a sentence is longer than a part", () => {
    const text = "word ".repeat(500).trim();
    const parts = expectWholeAndBounded(text, 600);
    expect(parts.length).toBeGreaterThanOrEqual(5);
  });

  it("cuts a single word longer than a part where it must", () => {
    const parts = splitSpeechText("x".repeat(250), 100);
    expect(parts.map((p) => p.text.length)).toEqual([100, 100, 50]);
  });

  it("splits a 1.2 MB article into parts within the limit, in linear time", () => {
    const text = Array.from({ length: 4000 }, (_, i) => paragraph(i, 300)).join("\n\n");
    expect(text.length).toBeGreaterThan(1_200_000);
    const parts = expectWholeAndBounded(text, MAX_SPEECH_CHARS);
    expect(parts).toHaveLength(Math.ceil(text.length / MAX_SPEECH_CHARS));
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses maxChars %s", (maxChars) => {
    expect(() => splitSpeechText("text", maxChars)).toThrow(TypeError);
  });
});

describe("partOfWord", () => {
  const parts = [
    { text: "a b", firstWord: 0, words: 2 },
    { text: "c d e", firstWord: 2, words: 3 },
  ];

  it.each([
    [0, 0],
    [1, 0],
    [2, 1],
    [4, 1],
    [99, 1],
  ])("word %i is in part %i", (word, part) => {
    expect(partOfWord(parts, word)).toBe(part);
  });
});

describe("speechLimit", () => {
  it("is the deployment's TTS_MAX_TEXT_CHARS when it is a positive whole number, else the default", () => {
    expect(speechLimit("20000")).toBe(20_000);
    for (const bad of [undefined, "", "0", "-5", "1.5", "lots", "1e400"]) expect(speechLimit(bad)).toBe(MAX_SPEECH_CHARS);
  });
});
