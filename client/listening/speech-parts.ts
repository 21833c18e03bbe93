// An article longer than one request may speak (lib/text/speech-limit.ts) is read as parts, one after the
// other, each a stretch of the cleaned text within the limit. Parts are about equal in length ("Part 2 of 3"
// means a third), and cut where a listener expects a pause: between paragraphs, else between sentences, else
// between words. A cut always falls on whitespace, so the words of the parts, in order, are the article's
// words: span `firstWord + n` of the page is word n of a part's audio.
import { assertPositiveInteger } from "@/lib/args/assert-positive";
import { MAX_SPEECH_CHARS } from "@/lib/text/speech-limit";
import { splitWords } from "@/lib/text/split-words";

export interface SpeechPart {
  text: string;
  /** how many of the article's words come before this part */
  firstWord: number;
  /** how many words it has */
  words: number;
}

// Where a part may end, best first: the end of a paragraph, of a sentence, of a word. `cut` is the part's end.
const BREAKS: ReadonlyArray<{ pattern: RegExp; cut: (m: RegExpExecArray) => number }> = [
  { pattern: /\n[^\S\n]*\n/g, cut: (m) => m.index },
  { pattern: /[.!?…]["'”’»)\]]*(?=\s)/gu, cut: (m) => m.index + m[0].length },
  { pattern: /\s/g, cut: (m) => m.index },
];

/** The break of `pattern` in [lo, hi] nearest to `ideal`, or -1. One pass over the part. */
function nearestBreak(text: string, { pattern, cut }: (typeof BREAKS)[number], lo: number, ideal: number, hi: number): number {
  const re = new RegExp(pattern.source, pattern.flags);
  re.lastIndex = lo;
  let best = -1;
  for (let m = re.exec(text); m !== null && m.index <= hi; m = re.exec(text)) {
    const at = cut(m);
    if (at > hi) break;
    if (at >= lo && (best < 0 || Math.abs(at - ideal) < Math.abs(best - ideal))) best = at;
    if (at >= ideal) break;
  }
  return best;
}

/** The article's parts; a text within `maxChars` is one part. Linear in the text's length. */
export function splitSpeechText(text: string, maxChars: number = MAX_SPEECH_CHARS): SpeechPart[] {
  assertPositiveInteger("maxChars", maxChars);
  const parts: SpeechPart[] = [];
  let firstWord = 0;
  const push = (part: string) => {
    const words = splitWords(part).length;
    if (words > 0) parts.push({ text: part, firstWord, words });
    firstWord += words;
  };
  const skipSpace = (at: number) => {
    while (at < text.length && /\s/.test(text[at])) at++;
    return at;
  };
  let from = skipSpace(0);
  while (text.length - from > maxChars) {
    const rest = text.length - from;
    const ideal = from + Math.ceil(rest / Math.ceil(rest / maxChars));
    // No part shorter than half its share: better a cut between sentences than a paragraph-sized part.
    const lo = from + Math.ceil((ideal - from) / 2);
    const hi = from + maxChars;
    let end = -1;
    for (const kind of BREAKS) {
      end = nearestBreak(text, kind, lo, ideal, hi);
      if (end > from) break;
    }
    // One "word" longer than the whole limit: nothing to do but cut it.
    if (end <= from) end = hi;
    push(text.slice(from, end).trimEnd());
    from = skipSpace(end);
  }
  if (from < text.length) push(text.slice(from).trimEnd());
  return parts;
}

/** The part holding the article's word `word` (the last part for a word past the end). */
export function partOfWord(parts: readonly SpeechPart[], word: number): number {
  const index = parts.findIndex((p) => word < p.firstWord + p.words);
  return index < 0 ? parts.length - 1 : index;
}
