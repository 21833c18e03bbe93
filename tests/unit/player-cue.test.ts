import { describe, expect, it } from "vitest";
import { articlePosition, wordInPart } from "@/client/listening/part-position";
import { placeOnArrival } from "@/client/listening/player-cue";

const words = [0, 0.5, 1, 1.5, 2].map((startTime) => ({ startTime }));

describe("placeOnArrival", () => {
  it("starts at the top when asked to", () => {
    expect(placeOnArrival({ at: "top" }, { index: 3, count: 5 }, words, false)).toEqual({ top: true });
  });

  it("goes to the chosen word, waiting for it when it has not arrived", () => {
    expect(placeOnArrival({ at: "word", word: 40 }, null, words, true)).toEqual({ word: 40 });
  });

  it("goes on from the same word of a stream that is still arriving (a Retry)", () => {
    expect(placeOnArrival({ at: "same-word" }, { index: 3, count: null }, words, true)).toEqual({ word: 3 });
  });

  it("goes on from the same word's time in whole audio (a voice switch)", () => {
    expect(placeOnArrival({ at: "same-word" }, { index: 3, count: 5 }, words, false)).toEqual({ time: 1.5 });
  });

  it("maps the word proportionally when the counts differ", () => {
    expect(placeOnArrival({ at: "same-word" }, { index: 5, count: 11 }, words, false)).toEqual({ time: 1 });
  });

  it("starts at the top when no word had been reached", () => {
    expect(placeOnArrival({ at: "same-word" }, null, words, false)).toEqual({ top: true });
  });
});

describe("positions in parts", () => {
  const part = { index: 1, count: 3, firstWord: 100, words: 50, totalWords: 200 };
  const position = { wordIndex: 9, timeSec: 4, voice: "Ashley", updatedAt: 1 };

  it("saves the article's word and the share of the article heard", () => {
    expect(articlePosition(part, position, 0.2)).toEqual({ position: { ...position, wordIndex: 109 }, fraction: 110 / 200 });
    expect(articlePosition(part, position, null).fraction).toBeNull();
    expect(articlePosition(null, position, 0.2)).toEqual({ position, fraction: 0.2 });
  });

  it.each([
    [100, 0],
    [149, 49],
    [99, null],
    [150, null],
  ])("article word %i is the part's word %s", (word, inPart) => {
    expect(wordInPart(part, word)).toBe(inPart);
  });
});
