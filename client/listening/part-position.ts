// Positions in a part's audio and in the article: the page's spans, the saved position and "Listen from here"
// count the article's words; the player counts its part's (session-state.ts, PartInfo).
import type { ListeningPosition } from "@/lib/positions/listening-position";
import type { PartInfo } from "./session-state";

/** The position as the article counts it, and how much of the article it is (null while words are arriving). */
export function articlePosition(
  part: PartInfo | null,
  position: ListeningPosition,
  fraction: number | null,
): { position: ListeningPosition; fraction: number | null } {
  if (!part) return { position, fraction };
  const wordIndex = part.firstWord + position.wordIndex;
  return { position: { ...position, wordIndex }, fraction: fraction === null ? null : (wordIndex + 1) / part.totalWords };
}

/** Word `articleWord` of the article as a word of the part playing, or null when another part holds it. */
export function wordInPart(part: PartInfo | null, articleWord: number): number | null {
  if (!part) return articleWord;
  const word = articleWord - part.firstWord;
  return word >= 0 && word < part.words ? word : null;
}
