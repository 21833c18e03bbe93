// How long an article takes to hear. A neural voice reads English at roughly 15 characters a second, the pace
// the sample articles' reading time uses (components/article/reading-time.ts).
export const SPOKEN_CHARS_PER_SECOND = 15;

/** Whole minutes, at least 1, for the text that will be spoken. */
export function listeningMinutes(spokenText: string): number {
  return Math.max(1, Math.round(spokenText.length / SPOKEN_CHARS_PER_SECOND / 60));
}
