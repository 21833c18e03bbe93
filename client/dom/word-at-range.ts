// "Listen from here": the word a selection starts in, among the article's spoken words. One pass
// over the words, comparing each word's end with the selection's start (Range.comparePoint).
import type { WordPosition } from "@/lib/dom/extract-text";

/** Index of the first spoken word that ends after `range` starts (the word it starts in, or the next); -1 if none. */
export function wordIndexAtRangeStart(words: readonly WordPosition[], range: Range): number {
  for (let i = 0; i < words.length; i++) {
    const end = words[i].ranges.at(-1);
    // A word made by cleaning has no place in the DOM: it cannot be where a selection starts.
    if (!end) continue;
    const endsAtStart = end.node === range.startContainer && end.end === range.startOffset;
    if (range.comparePoint(end.node, end.end) >= 0 && !endsAtStart) return i;
  }
  return -1;
}
