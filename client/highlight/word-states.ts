export type WordState = "spoken" | "current" | "unspoken";

export const WORD_STATE_CLASS: Record<WordState, string> = {
  spoken: "tts-spoken",
  current: "tts-current",
  unspoken: "tts-unspoken",
};

export function wordStateAt(idx: number, current: number): WordState {
  if (idx < current) return "spoken";
  if (idx === current) return "current";
  return "unspoken";
}

/**
 * Moving the current word from `prev` to `next` changes the state of the words between them and of the two
 * ends only; `apply` is called for exactly those, so a frame costs O(distance moved), not O(words).
 * -1 means "before the first word" (everything unspoken).
 */
export function applyWordStateChange(prev: number, next: number, count: number, apply: (idx: number, state: WordState) => void): void {
  if (prev === next) return;
  const lo = Math.max(Math.min(prev, next), 0);
  const hi = Math.min(Math.max(prev, next), count - 1);
  for (let i = lo; i <= hi; i++) apply(i, wordStateAt(i, next));
}
