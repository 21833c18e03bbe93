import { findWordIndex } from "@/client/highlight/find-word";
import { endsSentence } from "@/lib/text/sentence-boundary";

// Sentence boundaries over the transcript's words (the same words the article's spans and the timeline use,
// see split-words.ts), so "the next sentence" is a word index the player can seek to. A sentence ends after a
// word where the chunker would end one (sentence-boundary.ts): one rule, constant work per word. A heuristic, not
// a parser — it errs towards fewer, longer sentences rather than cutting after "Mr.".

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
