"use client";

import { useCallback, useEffect } from "react";
import { useTranscriptViewerContext } from "@/components/ui/transcript-viewer";

// Audio is generated at 1.0×; the browser changes speed, so a new speed costs no new audio.
export const PLAYBACK_RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;
// The reader's speed, kept in the browser beside their voice (`listen:voice`) so a reload plays on at it.
const SPEED_KEY = "listen:speed";

function savedSpeed(): number | null {
  try {
    const saved = Number(localStorage.getItem(SPEED_KEY));
    return (PLAYBACK_RATES as readonly number[]).includes(saved) ? saved : null;
  } catch {
    // Storage can be off (privacy settings): the speed is the player's own.
    return null;
  }
}

/**
 * The reader's playback speed: applied to the player's audio as soon as there is some, and `choose` changes it
 * and keeps the choice for the next visit.
 */
export function useSavedSpeed() {
  const { hasAudio, setPlaybackRate } = useTranscriptViewerContext();
  useEffect(() => {
    const saved = hasAudio ? savedSpeed() : null;
    if (saved !== null) setPlaybackRate(saved);
  }, [hasAudio, setPlaybackRate]);

  return useCallback(
    (rate: number) => {
      setPlaybackRate(rate);
      try {
        localStorage.setItem(SPEED_KEY, String(rate));
      } catch {
        // Not kept: it still applies to this visit.
      }
    },
    [setPlaybackRate],
  );
}
