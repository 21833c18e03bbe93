"use client";

import { useEffect, useRef } from "react";
import { placeOnArrival, type Reached } from "@/client/listening/player-cue";
import type { SessionAudio } from "@/client/listening/session-state";
import { useTranscriptViewerContext } from "@/components/ui/transcript-viewer";
import { useLatestRef } from "./use-latest-ref";

/**
 * Plays new audio as soon as it arrives (the Listen click or the voice choice is the gesture that allows it),
 * from where the session's cue says: the top, a chosen word, or the word the audio before it had reached.
 */
export function usePlayerCue(audio: SessionAudio | null) {
  const { words, hasAudio, play, seekToTime, seekToWord, subscribeWordIndex } = useTranscriptViewerContext();
  const streaming = audio?.stream ? !audio.stream.complete : false;
  const latest = useLatestRef({ words, streaming, play, seekToTime, seekToWord, cue: audio?.cue ?? null });
  const reachedRef = useRef<Reached | null>(null);
  useEffect(
    () =>
      subscribeWordIndex((index) => {
        if (index >= 0) reachedRef.current = { index, count: latest.current.streaming ? null : latest.current.words.length };
      }),
    [subscribeWordIndex, latest],
  );

  const url = audio?.url ?? null;
  const shownRef = useRef<string | null>(null);
  useEffect(() => {
    if (!hasAudio || !url || shownRef.current === url) return;
    shownRef.current = url;
    const reached = reachedRef.current;
    reachedRef.current = null;
    const { words: next, streaming: arriving, play: resume, seekToTime: seek, seekToWord: seekWord, cue } = latest.current;
    const placement = placeOnArrival(cue ?? { at: "top" }, reached, next, arriving);
    if ("word" in placement) return seekWord(placement.word);
    if ("time" in placement) seek(placement.time, { resume: false });
    void resume().catch(() => undefined);
  }, [hasAudio, url, latest]);
}
