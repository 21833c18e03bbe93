"use client";

import { useCallback, useEffect, useState } from "react";
import { SLEEP_MINUTE_KEY, sleepMinuteMs, sleepVolume, type SleepChoice } from "@/client/sleep/sleep-timer";
import { useLatestRef } from "./use-latest-ref";

export interface SleepTimerOptions {
  /** the player's audio element: the timer fades it and stops it */
  audio: () => HTMLAudioElement | null;
  /** the whole article's duration in seconds once known (null while it streams in) */
  durationSec: number | null;
  pause: () => void;
}

export interface SleepTimerState {
  choice: SleepChoice | null;
  /** ms of listening left, when known (an article still streaming in has no known end) */
  remainingMs: number | null;
}

const TICK_MS = 200;
// "End of article": the voice stops a little before the file does (the player pauses at the last word).
const END_SLACK_MS = 500;

function storedMinute(): string | null {
  try {
    return localStorage.getItem(SLEEP_MINUTE_KEY);
  } catch {
    return null;
  }
}

/**
 * The sleep timer: stops playback after a number of minutes or at the end of the article, fading the
 * last seconds out. It belongs to the listener, not to the audio, so a voice change (new audio) keeps it.
 */
export function useSleepTimer({ audio: audioElement, durationSec, pause }: SleepTimerOptions) {
  const [timer, setTimer] = useState<{ choice: SleepChoice; endsAt: number | null } | null>(null);
  const [remainingMs, setRemainingMs] = useState<number | null>(null);
  const latest = useLatestRef({ durationSec, pause });

  const choose = useCallback(
    (choice: SleepChoice | null) => {
      const audio = audioElement();
      if (audio) audio.volume = 1;
      setRemainingMs(null);
      setTimer(choice === null ? null : { choice, endsAt: choice === "end" ? null : Date.now() + choice * sleepMinuteMs(storedMinute()) });
    },
    [audioElement],
  );

  useEffect(() => {
    if (!timer) return;
    const left = (audio: HTMLAudioElement | null): number | null => {
      if (timer.endsAt !== null) return timer.endsAt - Date.now();
      const duration = latest.current.durationSec;
      if (!audio || duration === null) return null;
      return ((duration - audio.currentTime) * 1000) / (audio.playbackRate || 1) - END_SLACK_MS;
    };
    const tick = () => {
      const audio = audioElement();
      const remaining = left(audio);
      setRemainingMs(remaining === null ? null : Math.max(0, remaining));
      if (remaining === null || !audio) return;
      if (remaining <= 0) {
        latest.current.pause();
        audio.volume = 1;
        setTimer(null);
        setRemainingMs(null);
        return;
      }
      audio.volume = sleepVolume(remaining);
    };
    const interval = window.setInterval(tick, TICK_MS);
    return () => window.clearInterval(interval);
  }, [timer, audioElement, latest]);

  const state: SleepTimerState = { choice: timer?.choice ?? null, remainingMs };
  return { ...state, choose };
}
