import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { splitWords } from "@/lib/text/split-words";
import { composeSegments } from "@/client/transcript/compose-segments";
import { mergeAlignments } from "@/server/modules/tts/merge-alignments";
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

describe("splitWords in scripts written without spaces", () => {
  const texts = (text: string, lang?: string) => splitWords(text, lang).map((w) => w.text);

  it("cuts Chinese, Japanese and Thai into the segmenter's words, punctuation with the word before it", () => {
    expect(texts("书店重新开张了。店主说，很多老顾客", "zh")).toEqual(["书店", "重新", "开张", "了。", "店主", "说，", "很多", "老", "顾客"]);
    expect(texts("駅前の公園に、図書室ができました。", "ja")).toEqual(["駅前", "の", "公園", "に、", "図書", "室", "が", "でき", "ま", "した。"]);
    expect(texts("ลงมติให้คงเรือ", "th")).toEqual(["ลง", "มติ", "ให้", "คง", "เรือ"]);
  });

  it("keeps an opening bracket with the word after it, and a mixed run's Latin word whole", () => {
    expect(texts("他说「你好」然后走了", "zh")).toEqual(["他", "说", "「你好」", "然后", "走了"]);
    expect(texts("用iPhone拍照", "zh")).toEqual(["用", "iPhone", "拍照"]);
  });

  it("leaves words of spaced scripts whole, hyphens and dots included, in a text that also has Chinese", () => {
    expect(texts("well-known U.S. e.g. 3.50 书店", "en")).toEqual(["well-known", "U.S.", "e.g.", "3.50", "书店"]);
  });

  it("finds the same words whichever language is named, so the page and the timeline agree", () => {
    for (const name of ["chinese", "japanese", "arabic", "rtl-hebrew", "french"]) {
      const text = readFileSync(new URL(`../fixtures/import/${name}.expected.txt`, import.meta.url), "utf8");
      const expected = texts(text);
      for (const lang of ["zh", "ja", "en", "ar", "not a tag"]) expect(texts(text, lang), `${name} as ${lang}`).toEqual(expected);
    }
  });

  it("covers exactly the non-whitespace of text in any script", () => {
    const random = createRandom(9);
    const alphabet = [..."书店重新开张了。，「」駅前のでき、ลงมติabc- .\n"];
    for (let run = 0; run < 200; run++) {
      const text = Array.from({ length: randomInt(random, 0, 120) }, () => alphabet[randomInt(random, 0, alphabet.length - 1)]).join("");
      const words = splitWords(text, "zh");
      expect(words.map((w) => w.text).join("")).toBe(text.replace(/\s/g, ""));
      expect(words.every((w, i) => text.slice(w.start, w.end) === w.text && w.text !== "" && (i === 0 || w.start >= words[i - 1].end))).toBe(true);
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
