import { findWordIndex } from "../highlight/find-word";
import { isAbbreviationToken } from "./abbreviations";

// Sentence boundaries over the transcript's words (the same words the article's spans and the timeline use,
// see split-words.ts), so "the next sentence" is a word index the player can seek to. One pass, constant work
// per word: a heuristic, not a parser — it errs towards fewer, longer sentences rather than cutting after "Mr.".

// Closing quotes and brackets that may follow the terminal punctuation: `He left."` ends a sentence.
const TRAILING_CLOSERS = /["'”’»)\]]+$/u;
const TERMINAL = /[.!?…]$/u;
// A sentence starts with a letter in upper case, a digit, or an opening quote or bracket before one.
const STARTER = /^["'“‘«([]*[\p{Lu}\p{N}]/u;

function endsSentence(word: string, next: string | undefined): boolean {
  const bare = word.replace(TRAILING_CLOSERS, "");
  if (!TERMINAL.test(bare)) return false;
  if (next === undefined) return true;
  if (!STARTER.test(next)) return false;
  if (!bare.endsWith(".") || bare.endsWith("..")) return true;
  return !isAbbreviationToken(bare.slice(0, -1).replace(/^["'“‘«([]+/u, ""));
}

/**
 * The word index where each sentence starts, in order: always begins with 0 when there are words.
 * `words` are the texts of the words (no whitespace inside).
 */
export function sentenceStarts(words: readonly string[]): number[] {
  if (words.length === 0) return [];
  const starts = [0];
  for (let i = 0; i < words.length - 1; i++) {
    if (endsSentence(words[i], words[i + 1])) starts.push(i + 1);
  }
  return starts;
}

/** The index in `starts` of the sentence holding word `wordIndex`; -1 before the first word. */
export function sentenceOf(starts: readonly number[], wordIndex: number): number {
  // The same search as for the word at a time: the last start at or before the target.
  return findWordIndex(starts, wordIndex);
}

// Like a podcast app's "previous track": a sentence already under way starts over, one just begun goes back.
const RESTART_WORDS = 3;

/** Where "previous sentence" goes from word `wordIndex`. */
export function previousSentenceStart(starts: readonly number[], wordIndex: number): number {
  const at = sentenceOf(starts, wordIndex);
  if (at < 0) return 0;
  if (wordIndex - starts[at] >= RESTART_WORDS || at === 0) return starts[at];
  return starts[at - 1];
}

/** Where "next sentence" goes from word `wordIndex`; null in the last sentence. */
export function nextSentenceStart(starts: readonly number[], wordIndex: number): number | null {
  return starts[sentenceOf(starts, wordIndex) + 1] ?? null;
}
