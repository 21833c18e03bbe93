"use client";

import { TranscriptViewer, useTranscriptViewerContext } from "@/components/ui/transcript-viewer";
import { TTSWaveAnimation } from "./tts-wave-animation";

/**
 * The phone's player while the reader reads (as podcast apps have it): the title, play and pause, and a line of
 * progress, in one row that leaves the article the screen. A tap on the title opens the whole player.
 */
export function TTSMiniPlayer({ title, onExpand }: { title: string; onExpand: () => void }) {
  const { isPlaying, waiting } = useTranscriptViewerContext();
  return (
    <div className="player__mini" data-slot="tts-mini">
      <TranscriptViewer.Progress className="player__mini-progress" />
      <button
        type="button"
        className="player__mini-open"
        data-slot="tts-expand"
        aria-expanded="false"
        aria-label={`${title}: show the player`}
        onClick={onExpand}
      >
        <TTSWaveAnimation playing={isPlaying && !waiting} />
        <span className="player__heading">
          <span className="player__title" dir="auto">
            {title}
          </span>
          {waiting && (
            <span className="player__mini-status" data-slot="tts-waiting" role="status">
              Loading the next part…
            </span>
          )}
        </span>
      </button>
      <TranscriptViewer.PlayPauseButton className="play-button" aria-keyshortcuts="Space" />
    </div>
  );
}
