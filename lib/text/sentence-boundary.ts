// Where a sentence ends, in any of the languages the app reads: one rule for the chunker (split-chunks.ts, which
// cuts the text into what each upstream call speaks) and for the player's sentence steps (sentences.ts), so
// "the next sentence" and a chunk's edge are the same place.
//
// A sentence ends at a terminal mark (. ! ? … and the Chinese, Japanese, Arabic, Urdu and Devanagari ones),
// after any closing quotes and brackets, when what follows does not start in lower case ("e.g. this", '"Why?"
// she asked') and the word before a period is not an abbreviation ("Mr.", "J.", "U.S."). Scripts without case
// (Arabic, Hebrew, Chinese…) end a sentence at every terminal. Chinese and Japanese put no space after their full
// stops, so a sentence may also end inside a run of non-whitespace, right after one of them.
//
// Not Intl.Segmenter's sentence granularity: ICU ends a sentence after "Mr." and "e.g." in every locale but
// English with its suppressions (which V8 does not expose), and the rule here is one linear pass with constant
// work per character, whatever the input.
import { isAbbreviationToken } from "./abbreviations";

const TERMINALS = ".!?…‽。！？．｡؟۔।॥";
// Full stops of scripts written without spaces: a sentence may end right after one, inside a run.
const UNSPACED_TERMINALS = "。！？．｡";
const CLOSERS = "\"')]}»›”’」』）》〉】";
const OPENERS = /^["'([{«‹“‘「『（《〈【¿¡]+/u;
const LOWERCASE = /\p{Ll}/u;
const WHITESPACE = /\s/;

// Most characters are ASCII letters: decided without a regex, the rest as JavaScript's \s decides.
function isWhitespace(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return WHITESPACE.test(text[i]);
}

/**
 * Whether the token ends a sentence. `token` is the text before the place (back to the whitespace before it, so
 * a whole word, closers included); `next` is the text after it (at least its first character), or undefined at
 * the end of the text.
 */
export function endsSentence(token: string, next: string | undefined): boolean {
  let last = token.length - 1;
  while (last >= 0 && CLOSERS.includes(token[last])) last--;
  if (last < 0 || !TERMINALS.includes(token[last])) return false;
  if (next !== undefined) {
    const start = next.replace(OPENERS, "");
    if (LOWERCASE.test(start[0] ?? "")) return false;
  }
  if (token[last] !== "." || token[last - 1] === ".") return true; // "...", "?", "。"
  return !isAbbreviationToken(token.slice(0, last).replace(OPENERS, ""));
}

/** Whether text[start, end) ends in a terminal mark, closers after it allowed (read back only over the closers). */
function endsInTerminal(text: string, start: number, end: number): boolean {
  let last = end - 1;
  while (last >= start && CLOSERS.includes(text[last])) last--;
  return last >= start && TERMINALS.includes(text[last]);
}

/**
 * Each place in text[from, to) where a sentence ends, in order, as the gap between two sentences: a whitespace
 * run [gapStart, gapEnd), or an empty gap (gapStart === gapEnd) right after a Chinese or Japanese full stop
 * inside a run. One pass over the text; a token is read back only when it ends in a terminal.
 */
export function forEachSentenceEnd(text: string, from: number, to: number, onEnd: (gapStart: number, gapEnd: number) => void): void {
  let tokenStart = from;
  let i = from;
  while (i < to) {
    if (isWhitespace(text, i)) {
      let gapEnd = i + 1;
      while (gapEnd < to && isWhitespace(text, gapEnd)) gapEnd++;
      if (gapEnd < to && endsInTerminal(text, tokenStart, i) && endsSentence(text.slice(tokenStart, i), text.slice(gapEnd, gapEnd + 8))) {
        onEnd(i, gapEnd);
      }
      i = tokenStart = gapEnd;
      continue;
    }
    if (text.charCodeAt(i) >= 128 && UNSPACED_TERMINALS.includes(text[i])) {
      let after = i + 1;
      while (after < to && CLOSERS.includes(text[after])) after++;
      if (after < to && !isWhitespace(text, after)) {
        onEnd(after, after);
        tokenStart = after;
      }
      i = after;
      continue;
    }
    i++;
  }
}
