import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { splitTTSChunks, type TextChunk } from "@/lib/text/split-chunks";
import { cleanTextForTTS } from "@/lib/text/clean-text";
import { createRandom, pick, randomChars, randomInt, randomProse } from "@/tests/support/random-text";

const ARTICLE = cleanTextForTTS(readFileSync(new URL("../fixtures/text/long-article.txt", import.meta.url), "utf8"));

/** The same article as a news site would lay it out: one- and two-sentence paragraphs. */
const NEWS_ARTICLE = (ARTICLE.replace(/\n+/g, " ").match(/[^.!?]+[.!?]+["”]?\s*/g) ?? [])
  .map((sentence) => sentence.trim())
  .reduce<string[]>((paragraphs, sentence, i) => {
    if (i % 3 === 1) paragraphs[paragraphs.length - 1] += ` ${sentence}`;
    else paragraphs.push(sentence);
    return paragraphs;
  }, [])
  .join("\n\n");

/** The first broken chunk invariant, or null. Plain checks: expect() per chunk is too slow for property loops. */
function chunkProblem(text: string, chunks: TextChunk[], maxChars: number): string | null {
  let previousEnd = 0;
  for (const [i, chunk] of chunks.entries()) {
    if (chunk.text.length === 0) return `chunk ${i} is empty`;
    if (chunk.text.length > maxChars) return `chunk ${i} has ${chunk.text.length} > ${maxChars} characters`;
    if (text.slice(chunk.offset, chunk.offset + chunk.text.length) !== chunk.text) return `chunk ${i} is not at its offset`;
    if (chunk.text.trim() !== chunk.text) return `chunk ${i} is not trimmed`;
    if (chunk.offset < previousEnd) return `chunk ${i} overlaps the previous one`;
    if (text.slice(previousEnd, chunk.offset).trim() !== "") return `non-whitespace before chunk ${i} is in no chunk`;
    previousEnd = chunk.offset + chunk.text.length;
  }
  if (text.slice(previousEnd).trim() !== "") return "non-whitespace after the last chunk is in no chunk";
  return null;
}

function expectValidChunks(text: string, chunks: TextChunk[], maxChars: number): void {
  expect(chunkProblem(text, chunks, maxChars), JSON.stringify({ maxChars, text: text.slice(0, 300) })).toBeNull();
}

function chunkTexts(text: string, maxChars?: number): string[] {
  return splitTTSChunks(text, maxChars).map((c) => c.text);
}

describe("splitTTSChunks", () => {
  it("returns no chunks for empty or whitespace-only text", () => {
    expect(splitTTSChunks("")).toEqual([]);
    expect(splitTTSChunks(" \n\n\t ")).toEqual([]);
  });

  it("returns short text as one trimmed chunk at its offset", () => {
    expect(splitTTSChunks("  Hello world.\n")).toEqual([{ text: "Hello world.", offset: 2 }]);
  });

  it("defaults to chunks of at most 1800 characters", () => {
    const chunks = splitTTSChunks(ARTICLE);
    expectValidChunks(ARTICLE, chunks, 1800);
    expect(chunks.some((c) => c.text.length > 1500)).toBe(true);
  });

  it("splits on sentence boundaries, not after abbreviations, initials or decimals", () => {
    const text =
      "Mr. Smith met Dr. J. K. Jones at 3.14 p.m. in the U.S. Capitol. They talked, e.g. about tides. " +
      "“Was it calm?” she asked. It was! Then the storm came… Nobody moved (not even Mrs. Abernathy.) The end.";
    const chunks = chunkTexts(text, 65);
    expect(chunks).toEqual([
      "Mr. Smith met Dr. J. K. Jones at 3.14 p.m. in the U.S. Capitol.",
      "They talked, e.g. about tides. “Was it calm?” she asked. It was!",
      "Then the storm came… Nobody moved (not even Mrs. Abernathy.)",
      "The end.",
    ]);
  });

  it("falls back to clause boundaries for a sentence longer than maxChars", () => {
    const text = "The wall held, the boats stayed; the quay flooded: nobody was hurt — and the gulls left.";
    expect(chunkTexts(text, 40)).toEqual(["The wall held, the boats stayed;", "the quay flooded: nobody was hurt —", "and the gulls left."]);
  });

  it("falls back to word boundaries for a clause longer than maxChars", () => {
    expect(chunkTexts("one two three four five six seven eight nine ten", 14)).toEqual(["one two three", "four five six", "seven eight", "nine ten"]);
  });

  it("hard-splits a single word longer than maxChars, without cutting a surrogate pair", () => {
    expect(chunkTexts("ab abcdefghij cd", 4)).toEqual(["ab", "abcd", "efgh", "ij", "cd"]);
    expect(chunkTexts("a😀b😀", 2)).toEqual(["a", "😀", "b", "😀"]);
  });

  it("packs short paragraphs together and starts an overlong paragraph in a new chunk", () => {
    const short = "A short paragraph.";
    const long = Array.from({ length: 8 }, (_, i) => `Sentence number ${i} of the long one.`).join(" ");
    const chunks = chunkTexts(`${short}\n\n${short}\n\n${long}\n\n${short}`, 120);
    expect(chunks[0].startsWith(`${short}\n\n${short}`)).toBe(true);
    expect(chunks[1].startsWith("Sentence number 0")).toBe(true);
    expect(chunks.at(-1)).toBe(short);
  });

  it("rejects a maxChars that cannot make progress", () => {
    for (const bad of [0, 1, -5, 2.5, Number.NaN]) {
      expect(() => splitTTSChunks("text", bad)).toThrow(TypeError);
    }
  });

  it("keeps every other chunk's exact text when one paragraph is edited", () => {
    for (const article of [ARTICLE, NEWS_ARTICLE]) {
      const before = chunkTexts(article);
      const paragraphs = article.split("\n\n");
      let changedTotal = 0;
      for (let edited = 1; edited < paragraphs.length - 1; edited++) {
        const text = paragraphs.map((p, i) => (i === edited ? `${p.replace(/^\S+/, "Edited")} And a new closing sentence.` : p)).join("\n\n");
        const after = chunkTexts(text);
        expectValidChunks(text, splitTTSChunks(text), 1800);

        let prefix = 0;
        while (prefix < before.length && before[prefix] === after[prefix]) prefix++;
        let suffix = 0;
        while (suffix < before.length - prefix && before.at(-1 - suffix) === after.at(-1 - suffix)) suffix++;
        const changed = before.length - prefix - suffix;
        // Only the run of paragraphs between the anchors around the edit is re-chunked.
        expect(changed).toBeLessThanOrEqual(5);
        expect(before.slice(prefix, before.length - suffix).join(" ")).toContain(paragraphs[edited]);
        changedTotal += changed;
      }
      expect(changedTotal / (paragraphs.length - 2)).toBeLessThan(1.5);
    }
  });

  it("keeps every invariant over generated prose and random characters", () => {
    const random = createRandom(3);
    for (let run = 0; run < 400; run++) {
      const maxChars = pick(random, [2, 3, 5, 17, 80, 300, 1800]);
      const text = run % 4 === 0 ? randomChars(random, randomInt(random, 0, 400)) : randomProse(random, randomInt(random, 0, 5000));
      expectValidChunks(text, splitTTSChunks(text, maxChars), maxChars);
    }
  });

  it("cuts only at whitespace when no word is longer than maxChars", () => {
    const random = createRandom(4);
    for (let run = 0; run < 200; run++) {
      const text = randomProse(random, randomInt(random, 100, 4000));
      const longestWord = Math.max(...text.split(/\s+/).map((w) => w.length));
      const maxChars = randomInt(random, longestWord, 400);
      for (const { text: chunk, offset } of splitTTSChunks(text, maxChars)) {
        const end = offset + chunk.length;
        if (!((offset === 0 || /\s/.test(text[offset - 1])) && (end === text.length || /\s/.test(text[end])))) {
          expect.fail(`chunk at ${offset} splits a word (maxChars ${maxChars})`);
        }
      }
    }
  });
});
