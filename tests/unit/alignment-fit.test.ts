import { describe, expect, it } from "vitest";
import { fitAlignmentToText } from "@/server/modules/tts/fit-alignment";
import type { Alignment } from "@/lib/alignment/types";
import { createRandom, pick, randomChars, randomInt, randomProse } from "@/tests/support/random-text";
import { evenAlignment, timelineProblem } from "@/tests/support/synthetic-alignment";

function alignmentOf(characters: string[], starts: number[], ends: number[]): Alignment {
  return { characters, characterStartTimesSeconds: starts, characterEndTimesSeconds: ends };
}

describe("fitAlignmentToText", () => {
  it("returns an exact, monotone alignment unchanged", () => {
    const alignment = evenAlignment("Hello world");
    expect(fitAlignmentToText("Hello world", alignment)).toBe(alignment);
  });

  it("gives both halves of a surrogate pair the times of the one entry the provider sent", () => {
    const fitted = fitAlignmentToText("a😀b", alignmentOf(["a", "😀", "b"], [0, 0.1, 0.3], [0.1, 0.3, 0.4]));
    expect(fitted.characters).toEqual(["a", "\uD83D", "\uDE00", "b"]);
    expect(fitted.characterStartTimesSeconds).toEqual([0, 0.1, 0.1, 0.3]);
    expect(fitted.characterEndTimesSeconds).toEqual([0.1, 0.3, 0.3, 0.4]);
  });

  it("interpolates a character the provider dropped between its neighbours", () => {
    const fitted = fitAlignmentToText("abcd", alignmentOf(["a", "b", "d"], [0, 0.1, 0.4], [0.1, 0.2, 0.5]));
    expect(fitted.characters.join("")).toBe("abcd");
    expect(fitted.characterStartTimesSeconds).toEqual([0, 0.1, 0.2, 0.4]);
    expect(fitted.characterEndTimesSeconds).toEqual([0.1, 0.2, 0.4, 0.5]);
  });

  it("maps a collapsed blank line onto the text's whitespace", () => {
    const fitted = fitAlignmentToText("A\n\nB", alignmentOf(["A", " ", "B"], [0, 0.1, 0.3], [0.1, 0.3, 0.4]));
    expect(fitted.characters).toEqual(["A", "\n", "\n", "B"]);
    expect(fitted.characterStartTimesSeconds).toEqual([0, 0.1, 0.3, 0.3]);
  });

  it("gives a substituted character the upstream character's times", () => {
    const fitted = fitAlignmentToText("don’t", alignmentOf([..."don't"], [0, 1, 2, 3, 4], [1, 2, 3, 4, 5]));
    expect(fitted.characters.join("")).toBe("don’t");
    expect(fitted.characterStartTimesSeconds).toEqual([0, 1, 2, 3, 4]);
  });

  it("skips characters the provider added", () => {
    const upstream = "A and B";
    const fitted = fitAlignmentToText("A & B", evenAlignment(upstream, 1));
    expect(fitted.characters.join("")).toBe("A & B");
    expect(fitted.characterStartTimesSeconds[0]).toBe(0);
    expect(fitted.characterStartTimesSeconds[4]).toBe(upstream.indexOf("B"));
    expect(timelineProblem("A & B", fitted)).toBeNull();
  });

  it("repairs starts that go back, ends before starts and missing times", () => {
    const fitted = fitAlignmentToText("abcd", alignmentOf([..."abcd"], [0.2, 0.1, Number.NaN, 0.5], [0.3, 0.05, 0.4, Number.POSITIVE_INFINITY]));
    expect(fitted.characterStartTimesSeconds).toEqual([0.2, 0.2, 0.2, 0.5]);
    expect(fitted.characterEndTimesSeconds).toEqual([0.3, 0.2, 0.4, 0.5]);
  });

  it("gives every character time zero when the provider sent no alignment", () => {
    const fitted = fitAlignmentToText("Hi there", alignmentOf([], [], []));
    expect(fitted.characters.join("")).toBe("Hi there");
    expect(fitted.characterStartTimesSeconds.every((t) => t === 0)).toBe(true);
  });

  it("fits any mangled upstream alignment onto the text with monotone times inside the upstream span", () => {
    const random = createRandom(5);
    for (let run = 0; run < 500; run++) {
      const text = run % 5 === 0 ? randomChars(random, randomInt(random, 0, 300)) : randomProse(random, randomInt(random, 0, 1500));
      const upstream = evenAlignment(text, 0.04);
      const characters: string[] = [];
      const starts: number[] = [];
      const ends: number[] = [];
      for (let i = 0; i < text.length; i++) {
        const roll = random();
        if (roll < 0.03) continue; // dropped
        const jitter = random() < 0.02 ? -0.5 : 0; // a time that goes back
        characters.push(roll < 0.05 ? pick(random, ["'", " ", "x"]) : text[i]);
        starts.push(upstream.characterStartTimesSeconds[i] + jitter);
        ends.push(upstream.characterEndTimesSeconds[i]);
        if (roll > 0.98) {
          characters.push(pick(random, ["and", " ", "."]));
          starts.push(upstream.characterEndTimesSeconds[i]);
          ends.push(upstream.characterEndTimesSeconds[i]);
        }
      }
      const fitted = fitAlignmentToText(text, alignmentOf(characters, starts, ends));
      expect(timelineProblem(text, fitted, text.length * 0.04 + 1e-9), JSON.stringify(text.slice(0, 200))).toBeNull();
    }
  });
});
