// One sentence rule (lib/text/sentence-boundary.ts) for the chunker's cuts and the player's sentence steps, in
// the languages the app reads.
import { describe, expect, it } from "vitest";
import { planTTSChunks } from "@/lib/text/chunk-plan";
import { endsSentence, forEachSentenceEnd } from "@/lib/text/sentence-boundary";
import { sentenceStarts } from "@/client/text/sentences";
import { splitTTSChunks } from "@/lib/text/split-chunks";
import { splitWords } from "@/lib/text/split-words";
import { slowdown } from "@/tests/support/timing";

const ends = (text: string) => {
  const gaps: Array<[number, number]> = [];
  forEachSentenceEnd(text, 0, text.length, (start, end) => gaps.push([start, end]));
  return gaps;
};
const sentencesOf = (text: string) => {
  const pieces: string[] = [];
  let from = 0;
  for (const [start, end] of ends(text)) {
    pieces.push(text.slice(from, start));
    from = end;
  }
  return [...pieces, text.slice(from)];
};
const stepsOf = (text: string, lang: string) => {
  const words = splitWords(text, lang).map((w) => w.text);
  const starts = sentenceStarts(words);
  return starts.map((start, i) => words.slice(start, starts[i + 1]).join(" "));
};

describe("endsSentence", () => {
  it.each([
    ["home.", "The"],
    ['home."', "(She"],
    ["Really?", "42"],
    ["了。", "店主"],
    ["كل؟", "قالت"],
    ["השבוע.", "המתנדבים"],
    ["end.", undefined],
  ])("ends a sentence after %j before %j", (token, next) => {
    expect(endsSentence(token, next)).toBe(true);
  });

  it.each([
    ["Mr.", "Smith"],
    ["e.g.", "Tuesday"],
    ["J.", "R."],
    ["fine.", "and"],
    ['"Why?"', "she"],
    ["word", "Next"],
    ["3.50", "Dollars"],
  ])("does not end one after %j before %j", (token, next) => {
    expect(endsSentence(token, next)).toBe(false);
  });
});

describe("forEachSentenceEnd", () => {
  it("ends English sentences at the spaces after them, never after an abbreviation", () => {
    expect(sentencesOf("Mr. Smith met Dr. Jones. They left! Did they? e.g. not. Yes.")).toEqual([
      "Mr. Smith met Dr. Jones.",
      "They left!",
      "Did they? e.g. not.",
      "Yes.",
    ]);
  });

  it("ends Chinese and Japanese sentences right after their full stops, inside a run without spaces", () => {
    expect(sentencesOf("书店重新开张了。店主说：「很好。」大家都来了！")).toEqual(["书店重新开张了。", "店主说：「很好。」", "大家都来了！"]);
    expect(ends("図書室ができました。町の人")).toEqual([[10, 10]]);
  });

  it("ends Arabic and Hebrew sentences, which have no capitals, at every terminal", () => {
    expect(sentencesOf("هل تفتح المكتبة؟ نعم. كل مساء.")).toEqual(["هل تفتح المكتبة؟", "نعم.", "كل مساء."]);
    expect(sentencesOf("הגינה נפתחה. כולם הגיעו.")).toEqual(["הגינה נפתחה.", "כולם הגיעו."]);
  });

  it("stays linear on hostile input: runs of terminals, closers and dots without a space", () => {
    for (const make of [
      (n: number) => "。」".repeat(n),
      (n: number) => `${".".repeat(n)} A`,
      (n: number) => "a. ".repeat(n),
      (n: number) => "」".repeat(n),
    ]) {
      expect(slowdown((text: string) => forEachSentenceEnd(text, 0, text.length, () => {}), make(5_000), make(80_000))).toBeLessThan(128);
    }
  });
});

describe("the chunker and the sentence steps agree", () => {
  it("cuts a long Chinese paragraph at its full stops, never in the middle of a sentence", () => {
    const sentence = "老街上的那家书店在关门两年之后终于在上周六重新开张了。";
    const text = sentence.repeat(200);
    const chunks = splitTTSChunks(text);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(1800);
      expect(chunk.text.endsWith("。")).toBe(true);
      expect(text.slice(chunk.offset, chunk.offset + chunk.text.length)).toBe(chunk.text);
    }
    expect(planTTSChunks(text)[0].text.length).toBeLessThanOrEqual(300);
    expect(planTTSChunks(text)[0].text.endsWith("。")).toBe(true);
  });

  it("steps through the sentences the chunker cuts at, in English, Chinese and Hebrew", () => {
    for (const [text, lang] of [
      ["Mr. Smith met Dr. Jones. They left! Did they? e.g. not. Yes.", "en"],
      ["书店重新开张了。店主说：「很好。」大家都来了！", "zh"],
      ["הגינה נפתחה. כולם הגיעו.", "he"],
    ]) {
      expect(
        stepsOf(text, lang).map((s) => s.replace(/ /g, "")),
        text,
      ).toEqual(sentencesOf(text).map((s) => s.replace(/ /g, "")));
    }
  });
});
