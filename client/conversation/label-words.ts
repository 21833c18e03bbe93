// The words a conversation does not speak: its labels ("Hana Ito:"). A label always ends on a word boundary (the
// colon is followed by a space or the paragraph's end, lib/conversation/detect-turns.ts), so the spoken words are
// exactly the text's words minus those that start inside a label, and span N stays word N of the audio.
import { splitWords } from "@/lib/text/split-words";

/** Indexes, among splitWords(text), of the words inside `labels` (sorted, as detectConversation returns them). */
export function labelWordIndexes(text: string, labels: ReadonlyArray<{ start: number; end: number }>): Set<number> {
  const inside = new Set<number>();
  let l = 0;
  splitWords(text).forEach((word, i) => {
    while (l < labels.length && labels[l].end <= word.start) l++;
    if (l < labels.length && labels[l].start <= word.start) inside.add(i);
  });
  return inside;
}
