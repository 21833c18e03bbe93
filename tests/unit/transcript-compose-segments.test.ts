import { describe, expect, it } from "vitest";
import type { Alignment } from "@/lib/alignment/types";
import { composeSegments } from "@/client/transcript/compose-segments";

function alignmentOf(text: string, secondsPerChar = 0.1): Alignment {
  const characters = [...text];
  return {
    characters,
    characterStartTimesSeconds: characters.map((_, i) => i * secondsPerChar),
    characterEndTimesSeconds: characters.map((_, i) => (i + 1) * secondsPerChar),
  };
}

describe("composeSegments", () => {
  it("splits the timeline into words and the gaps between them, timed from their characters", () => {
    const { segments, words } = composeSegments(alignmentOf("Hi  there.\n\nBye"));
    expect(words.map((w) => w.text)).toEqual(["Hi", "there.", "Bye"]);
    expect(segments.map((s) => s.kind)).toEqual(["word", "gap", "word", "gap", "word"]);
    expect(words[1].startTime).toBeCloseTo(0.4);
    expect(words[1].endTime).toBeCloseTo(1.0);
    expect(words.map((w) => w.wordIndex)).toEqual([0, 1, 2]);
    expect(segments[3]).toMatchObject({ kind: "gap", text: "\n\n" });
  });

  it("keeps leading and trailing whitespace as gaps", () => {
    const { segments } = composeSegments(alignmentOf(" a "));
    expect(segments.map((s) => s.text)).toEqual([" ", "a", " "]);
  });

  it("gives the same words as the article side (maximal runs of non-whitespace)", () => {
    const text = "Well—known “quotes” and e.g. U.S. 3.5%";
    expect(composeSegments(alignmentOf(text)).words.map((w) => w.text)).toEqual(text.split(/\s+/));
  });

  it("rejects an alignment whose arrays disagree in length", () => {
    const bad = { ...alignmentOf("abc"), characterEndTimesSeconds: [0.1] };
    expect(() => composeSegments(bad)).toThrow(TypeError);
  });
});
