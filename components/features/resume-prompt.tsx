"use client";

import { formatTime } from "@/components/ui/transcript-viewer";
import "./resume-prompt.css";

interface ResumePromptProps {
  /** seconds into the audio where the reader stopped */
  timeSec: number;
  onContinue: () => void;
  onStartOver: () => void;
}

/** Resume: coming back to an article half heard, the reader picks up where they were (L) or starts over. */
export function ResumePrompt({ timeSec, onContinue, onStartOver }: ResumePromptProps) {
  return (
    <div className="resume-prompt" role="group" aria-label="You listened to part of this article" data-slot="resume-prompt">
      <button type="button" className="resume-prompt__continue" data-slot="resume-continue" aria-keyshortcuts="L" onClick={onContinue}>
        Continue from {formatTime(timeSec)}
      </button>
      <button type="button" className="resume-prompt__restart" data-slot="resume-start-over" onClick={onStartOver}>
        Start over
      </button>
    </div>
  );
}
