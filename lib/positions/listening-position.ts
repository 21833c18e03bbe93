// Where a reader stopped in an article, in one voice: saved as they listen, offered back as "Continue from".
// The word is what counts — the same word in any voice — and the time is what the offer shows. The same record lives in the browser (anonymous readers) and on the API (signed-in readers).

export interface ListeningPosition {
  /** the transcript word reached (its index in the cleaned text's words) */
  wordIndex: number;
  /** seconds into that voice's audio */
  timeSec: number;
  voice: string;
  /** ms since the epoch, so two devices' saves can be ordered */
  updatedAt: number;
}

// An article id (a sample's slug or an import's 22-character id) and a voice id, joined by a colon.
export const POSITION_KEY_PATTERN = "^[A-Za-z0-9_-]{1,128}:[A-Za-z0-9_-]{1,64}$";
const KEY = new RegExp(POSITION_KEY_PATTERN);
// A 100,000-character article has at most 50,000 words and lasts a few hours; the caps leave room for both.
export const MAX_WORD_INDEX = 1_000_000;
export const MAX_TIME_SEC = 24 * 3600;
export const MAX_VOICE_CHARS = 64;

export function positionKey(articleId: string, voice: string): string {
  return `${articleId}:${voice}`;
}

export function isPositionKey(key: string): boolean {
  return KEY.test(key);
}

/** A stored or received value as a position, or null when it is not one (old, corrupt, or someone else's shape). */
export function asListeningPosition(value: unknown): ListeningPosition | null {
  if (typeof value !== "object" || value === null) return null;
  const { wordIndex, timeSec, voice, updatedAt } = value as Record<string, unknown>;
  if (!Number.isInteger(wordIndex) || (wordIndex as number) < 0 || (wordIndex as number) > MAX_WORD_INDEX) return null;
  if (typeof timeSec !== "number" || !(timeSec >= 0 && timeSec <= MAX_TIME_SEC)) return null;
  if (typeof voice !== "string" || voice.length === 0 || voice.length > MAX_VOICE_CHARS) return null;
  if (typeof updatedAt !== "number" || !Number.isFinite(updatedAt)) return null;
  return { wordIndex: wordIndex as number, timeSec, voice, updatedAt };
}

/** The later of two saves (either may be missing). */
export function latestPosition(a: ListeningPosition | null, b: ListeningPosition | null): ListeningPosition | null {
  if (!a || !b) return a ?? b;
  return b.updatedAt > a.updatedAt ? b : a;
}
