"use client";

import { useCallback, useMemo } from "react";
import { nextSentenceStart, previousSentenceStart, sentenceStarts } from "@/client/text/sentences";
import { useTranscriptViewerContext } from "@/components/ui/transcript-viewer";
import type { TranscriptViewerState } from "./use-transcript-viewer";

/** Previous / next sentence of the player in context (its buttons). */
export function useSentenceNavigation() {
  return useSentenceNavigationOf(useTranscriptViewerContext());
}

/** Previous / next sentence of `viewer`, for its buttons, its shortcuts and the lock screen's track keys. */
export function useSentenceNavigationOf({ words, getWordIndex, seekToWord }: Pick<TranscriptViewerState, "words" | "getWordIndex" | "seekToWord">) {
  const starts = useMemo(() => sentenceStarts(words.map((word) => word.text)), [words]);

  const previousSentence = useCallback(() => {
    seekToWord(previousSentenceStart(starts, getWordIndex()));
  }, [starts, getWordIndex, seekToWord]);

  const nextSentence = useCallback(() => {
    const next = nextSentenceStart(starts, getWordIndex());
    if (next !== null) seekToWord(next);
  }, [starts, getWordIndex, seekToWord]);

  return { previousSentence, nextSentence };
}
