"use client";

import { useCallback, useMemo } from "react";
import { nextSentenceStart, previousSentenceStart, sentenceStarts } from "@/lib/text/sentences";
import { useTranscriptViewerContext } from "@/components/ui/transcript-viewer";

/** Previous / next sentence for the player's buttons, its shortcuts and the lock screen's track keys. */
export function useSentenceNavigation() {
  const { words, getWordIndex, seekToWord } = useTranscriptViewerContext();
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
