// Maps the words of the cleaned text back to the words of the article's raw text. Cleaning mostly keeps words
// as they are, but it may drop junk (ads, URLs, boilerplate) and rewrite punctuation, so the two sequences are
// aligned like a diff: walk both while words agree; on a disagreement, resynchronise at the nearest point
// where ANCHOR consecutive words agree again (a lone common word such as "the" would resync too early).
// Words inserted or rewritten by cleaning are paired with the raw words they replaced, in order; a cleaned
// word with no raw counterpart maps to -1 (it is spoken but has no span to light).

const ANCHOR = 3;
const MAX_RESYNC_DISTANCE = 400;

function normalize(word: string): string {
  const letters = word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  return letters || word;
}

/** For each cleaned word, the index of its raw word, or -1. Never maps two cleaned words to one raw word. */
export function matchCleanWords(rawWords: readonly string[], cleanWords: readonly string[]): number[] {
  const raw = rawWords.map(normalize);
  const clean = cleanWords.map(normalize);
  const result = new Array<number>(clean.length).fill(-1);

  const agreeFrom = (i: number, j: number) => {
    for (let k = 0; k < ANCHOR; k++) {
      const ci = i + k;
      const rj = j + k;
      if (ci >= clean.length || rj >= raw.length) return ci >= clean.length && k > 0;
      if (clean[ci] !== raw[rj]) return false;
    }
    return true;
  };

  let i = 0;
  let j = 0;
  while (i < clean.length && j < raw.length) {
    if (clean[i] === raw[j]) {
      result[i++] = j++;
      continue;
    }
    // Nearest resync (smallest skipped total), trying every split of that total between the two sides.
    let skipClean = clean.length - i;
    let skipRaw = raw.length - j;
    search: for (let total = 1; total <= MAX_RESYNC_DISTANCE; total++) {
      for (let a = 0; a <= total; a++) {
        const b = total - a;
        if (i + b > clean.length || j + a > raw.length) continue;
        if (agreeFrom(i + b, j + a)) {
          skipClean = b;
          skipRaw = a;
          break search;
        }
      }
    }
    for (let t = 0; t < skipClean && t < skipRaw; t++) result[i + t] = j + t;
    i += skipClean;
    j += skipRaw;
  }
  return result;
}
