import type { Alignment, WordBoundary } from "./types";

// One word definition for the whole app: a maximal run of non-whitespace UTF-16 units (JavaScript's \s). The
// browser wraps exactly these runs of the cleaned text in spans and the timeline is cut into exactly these
// words, so span N and word N are the same word (spec: "Direct index mapping for sync").
const WORD = /\S+/g;

export interface TextWord {
  text: string;
  /** index of the first character */
  start: number;
  /** index after the last character */
  end: number;
}

export function splitWords(text: string): TextWord[] {
  const words: TextWord[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    words.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return words;
}

/**
 * Groups a character alignment (one entry per UTF-16 unit, as fitAlignmentToText returns) into the words of
 * splitWords, with times in whole milliseconds.
 */
export function alignmentToWordBoundaries(alignment: Alignment): WordBoundary[] {
  const { characters, characterStartTimesSeconds: starts, characterEndTimesSeconds: ends } = alignment;
  if (starts.length < characters.length || ends.length < characters.length) {
    throw new RangeError("alignment needs a start and an end time for every character");
  }
  const text = characters.join("");
  if (text.length !== characters.length) {
    throw new RangeError("alignment must have one entry per UTF-16 unit; fit it with fitAlignmentToText first");
  }
  return splitWords(text).map(({ text: word, start, end }) => {
    const offset = Math.round(starts[start] * 1000);
    return {
      text: word,
      offset,
      duration: Math.max(0, Math.round(ends[end - 1] * 1000) - offset),
      textOffset: start,
      textLength: end - start,
    };
  });
}
