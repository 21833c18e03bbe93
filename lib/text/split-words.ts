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
