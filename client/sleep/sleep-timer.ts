// The sleep timer's rules: the choices, how loud the last seconds are, and the test shortcut.

/** Minutes, or the end of the article. */
export type SleepChoice = 5 | 15 | 30 | 45 | 60 | "end";
export const SLEEP_CHOICES: readonly SleepChoice[] = [5, 15, 30, 45, 60, "end"];

/** The last seconds fade out, so sleep is not interrupted by a sudden stop. */
export const SLEEP_FADE_MS = 10_000;
const MINUTE_MS = 60_000;

/** The volume `remainingMs` before the timer stops playback: full until the fade, then down linearly to 0. */
export function sleepVolume(remainingMs: number, fadeMs = SLEEP_FADE_MS): number {
  if (!(remainingMs > 0)) return 0;
  return Math.min(1, remainingMs / fadeMs);
}

/**
 * How long a timer minute lasts. End-to-end tests cannot wait five minutes, so a minute may be made shorter —
 * never longer — by a value the page's own storage holds (`listen:sleep-minute-ms`). That cannot be abused:
 * it only shortens a timer the reader sets themselves, in their own browser.
 */
export function sleepMinuteMs(stored: string | null): number {
  const value = Number(stored);
  if (!stored || !Number.isFinite(value)) return MINUTE_MS;
  return Math.min(MINUTE_MS, Math.max(1000, value));
}

export const SLEEP_MINUTE_KEY = "listen:sleep-minute-ms";
