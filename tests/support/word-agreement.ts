// How well extracted text keeps the words we meant: word precision (how much of what we say was meant) and
// recall (how much of what was meant we say), over the texts as bags of words. Words are Intl.Segmenter's
// word-like segments, lowercased, so punctuation does not count and scripts without spaces count word by word.

const segmenter = new Intl.Segmenter("und", { granularity: "word" });

function bagOfWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { segment, isWordLike } of segmenter.segment(text.toLowerCase())) {
    if (isWordLike) counts.set(segment, (counts.get(segment) ?? 0) + 1);
  }
  return counts;
}

const total = (bag: Map<string, number>) => [...bag.values()].reduce((sum, n) => sum + n, 0);

export interface WordAgreement {
  precision: number;
  recall: number;
  f1: number;
}

export function wordAgreement(got: string, meant: string): WordAgreement {
  const ours = bagOfWords(got);
  const theirs = bagOfWords(meant);
  let overlap = 0;
  for (const [word, n] of ours) overlap += Math.min(n, theirs.get(word) ?? 0);
  const precision = overlap / Math.max(1, total(ours));
  const recall = overlap / Math.max(1, total(theirs));
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
