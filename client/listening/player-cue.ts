// Where the player goes when new audio arrives, from the session's cue (session-state.ts) and the word the
// audio before it had reached: the top, a chosen word, or the same word in the new audio — which, for the same
// text, is the same index (proportional when the counts differ, as after an edit to the page).
import { alignToDomIdx } from "@/client/highlight/index-map";
import type { Cue } from "./session-state";

/** The last word lit, out of how many (null while the words were still arriving: then they match one to one). */
export interface Reached {
  index: number;
  count: number | null;
}

export type Placement =
  /** seek to the word and play; the player waits for a word that has not arrived */
  | { word: number }
  /** seek to the time, then play */
  | { time: number }
  | { top: true };

export function placeOnArrival(cue: Cue, reached: Reached | null, words: ReadonlyArray<{ startTime: number }>, streaming: boolean): Placement {
  if (cue.at === "word") return { word: cue.word };
  if (cue.at === "top" || !reached) return { top: true };
  if (streaming) return { word: reached.index };
  if (words.length === 0) return { top: true };
  return { time: words[alignToDomIdx(reached.index, reached.count ?? words.length, words.length)].startTime };
}
