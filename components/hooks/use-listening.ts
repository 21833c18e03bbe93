"use client";

import { useMemo } from "react";
import { useTranscriptViewer } from "./use-transcript-viewer";
import { useTTS, type UseTTSOptions } from "./use-tts";

/**
 * The listening session and the viewer that plays its audio, wired to each other: the stream is buffered
 * around the viewer's clock, and the viewer reaching the end moves the session on (the next part, or the end).
 */
export function useListening({ tier, onUsage, maxSpeechChars }: Omit<UseTTSOptions, "playhead">) {
  // `viewer` is read when the session asks for the clock, which is never during this render.
  const tts = useTTS({ tier, onUsage, maxSpeechChars, playhead: () => viewer.getAudioElement()?.currentTime ?? 0 });
  const stream = tts.audio?.stream;
  const streaming = useMemo(() => (stream && !stream.complete ? { expectedMs: stream.expectedMs } : null), [stream]);
  const viewer = useTranscriptViewer({
    alignment: tts.audio?.alignment ?? null,
    durationMs: tts.audio?.durationMs,
    streaming,
    resetKey: tts.audio?.url ?? null,
    onEnded: tts.ended,
  });
  return { tts, viewer, streaming: streaming !== null };
}
