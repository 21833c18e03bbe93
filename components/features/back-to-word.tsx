"use client";

import { useTranscriptViewerContext } from "@/components/ui/transcript-viewer";
import "./back-to-word.css";

/** Shown once the reader has scrolled away from the lit word: brings it back into view and follows it again. */
export function BackToWord() {
  const { following, resumeFollowing, hasAudio } = useTranscriptViewerContext();
  if (following || !hasAudio) return null;
  return (
    <button type="button" className="back-to-word" data-slot="tts-follow" onClick={resumeFollowing}>
      Back to the current word
    </button>
  );
}
