"use client";

import { useEffect, useRef } from "react";
import type { ListeningPosition } from "@/lib/positions/listening-position";
import { useTranscriptViewerContext } from "@/components/ui/transcript-viewer";
import { useLatestRef } from "./use-latest-ref";

// Saved as it plays, throttled: a reader who comes back loses at most this much.
const SAVE_EVERY_MS = 5000;

/**
 * Saves where the voice has got to: every few seconds while playing, on pause, when the page goes away and
 * when the player closes. The time saved is the start of the word reached, so "Continue" lands on that word.
 */
export function usePositionSaver(
  voice: string | null,
  /** the position, and how much of the article it is (null while the words are still arriving) */
  save: (position: ListeningPosition, fraction: number | null) => void,
  partial: boolean,
) {
  const { words, isPlaying, subscribeWordIndex } = useTranscriptViewerContext();
  const latest = useLatestRef({ words, voice, save, partial });
  const reachedRef = useRef(-1);
  const savedRef = useRef<{ index: number; voice: string | null }>({ index: -1, voice: null });

  useEffect(
    () =>
      subscribeWordIndex((index) => {
        if (index >= 0) reachedRef.current = index;
      }),
    [subscribeWordIndex],
  );

  useEffect(() => {
    const flush = () => {
      const index = reachedRef.current;
      const { words: shown, voice: current, save: write, partial: arriving } = latest.current;
      const word = shown[index];
      if (!word || !current) return;
      if (savedRef.current.index === index && savedRef.current.voice === current) return;
      savedRef.current = { index, voice: current };
      write({ wordIndex: index, timeSec: word.startTime, voice: current, updatedAt: Date.now() }, arriving ? null : (index + 1) / shown.length);
    };
    const timer = isPlaying ? window.setInterval(flush, SAVE_EVERY_MS) : undefined;
    window.addEventListener("pagehide", flush);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("pagehide", flush);
      // Pausing ends this effect (isPlaying changes), and so does closing the player: both save.
      flush();
    };
  }, [isPlaying, latest]);
}
