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
  // Cleaning leaves almost every word as it was, so words are normalized only when they differ as written
  // (a 20,000-word article would otherwise run 40,000 Unicode regex replacements).
  const rawNorm = new Array<string | undefined>(rawWords.length);
  const cleanNorm = new Array<string | undefined>(cleanWords.length);
  const same = (i: number, j: number) =>
    cleanWords[i] === rawWords[j] || (cleanNorm[i] ??= normalize(cleanWords[i])) === (rawNorm[j] ??= normalize(rawWords[j]));
  const result = new Array<number>(cleanWords.length).fill(-1);

  const agreeFrom = (i: number, j: number) => {
    for (let k = 0; k < ANCHOR; k++) {
      const ci = i + k;
      const rj = j + k;
      if (ci >= cleanWords.length || rj >= rawWords.length) return ci >= cleanWords.length && k > 0;
      if (!same(ci, rj)) return false;
    }
    return true;
  };

  let i = 0;
  let j = 0;
  while (i < cleanWords.length && j < rawWords.length) {
    if (same(i, j)) {
      result[i++] = j++;
      continue;
    }
    // Nearest resync (smallest skipped total), trying every split of that total between the two sides.
    let skipClean = cleanWords.length - i;
    let skipRaw = rawWords.length - j;
    search: for (let total = 1; total <= MAX_RESYNC_DISTANCE; total++) {
      for (let a = 0; a <= total; a++) {
        const b = total - a;
        if (i + b > cleanWords.length || j + a > rawWords.length) continue;
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
