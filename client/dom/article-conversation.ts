// An article's conversation, read from its DOM: the same text walk as the spoken text (extract-text.ts), with the
// bold stretches the page marked (interview pages bold their speakers' names), and the word positions a
// conversation speaks — every word but the labels', so the highlighter's spans match the audio one for one.
import { detectConversation, type DetectedConversation } from "@/lib/conversation/detect-turns";
import { labelWordIndexes } from "@/client/conversation/label-words";
import { splitWords } from "@/lib/text/split-words";
import { buildWordPositions, type WordPosition } from "@/lib/dom/extract-text";

const BOLD_SELECTOR = "strong, b";

/**
 * [start, end) offsets in `text` of the characters inside <strong>/<b>, `words` being buildWordPositions' words
 * of `text`. Bold runs separated only by spaces are one range ("<b>Dr.</b> <b>Okafor:</b>").
 */
export function boldRanges(text: string, words: readonly WordPosition[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const add = (start: number, end: number) => {
    const last = ranges.at(-1);
    if (last && !text.slice(last[1], start).trim()) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  };
  splitWords(text).forEach((word, i) => {
    let offset = word.start;
    for (const range of words[i]?.ranges ?? []) {
      const end = Math.min(offset + range.end - range.start, word.end);
      if (range.node.parentElement?.closest(BOLD_SELECTOR) && end > offset) add(offset, end);
      offset = end;
    }
  });
  return ranges;
}

/** The article's conversation, or null when it does not read as one. */
export function findConversation(root: Element): DetectedConversation | null {
  const { text, words } = buildWordPositions(root);
  return detectConversation(text, { boldRanges: boldRanges(text, words) });
}

/** The word positions a conversation speaks: the article's, minus its labels' (all of them when it is none). */
export function conversationWordPositions(root: Element): WordPosition[] {
  const { text, words } = buildWordPositions(root);
  const found = detectConversation(text, { boldRanges: boldRanges(text, words) });
  if (!found) return words;
  const labels = labelWordIndexes(text, found.labels);
  return words.filter((_, i) => !labels.has(i));
}
