"use client";

import type { TTSError, TTSStatus } from "@/components/hooks/use-tts";
import { AlertIcon, BackwardIcon, ForwardIcon, XIcon } from "@/components/ui/icons";
import { TranscriptViewer, useTranscriptViewerContext } from "@/components/ui/transcript-viewer";
import { SpeedSelect } from "./speed-select";
import { TTSLoadingProgress } from "./tts-loading-progress";
import { TTSWaveAnimation } from "./tts-wave-animation";

const SKIP_SECONDS = 10;

interface TTSFloatingPlayerProps {
  title: string;
  status: TTSStatus;
  error: TTSError | null;
  startedAt: number;
  estimatedMs: number;
  onClose: () => void;
  onRetry: () => void;
}

/** The one player for desktop and mobile (spec: "Shared TTSFloatingPlayer component"); CSS places it. */
export function TTSFloatingPlayer({ title, status, error, startedAt, estimatedMs, onClose, onRetry }: TTSFloatingPlayerProps) {
  const { isPlaying } = useTranscriptViewerContext();
  return (
    <section className="player" data-slot="tts-player" data-status={status} aria-label="Listen to this article">
      <header className="player__header">
        <TTSWaveAnimation playing={status === "ready" && isPlaying} />
        <div className="player__heading">
          <span className="player__eyebrow">Now playing</span>
          <span className="player__title">{title}</span>
        </div>
        <button type="button" className="icon-button" data-slot="tts-close" aria-label="Close player" onClick={onClose}>
          <XIcon />
        </button>
      </header>

      {status === "loading" && <TTSLoadingProgress startedAt={startedAt} estimatedMs={estimatedMs} />}

      {status === "error" && (
        <div className="player__error" data-slot="tts-error" role="alert">
          <AlertIcon className="player__error-icon" />
          <p>{error?.message ?? "Something went wrong."}</p>
          <button type="button" className="pill-button" data-slot="tts-retry" onClick={onRetry}>
            Try again
          </button>
        </div>
      )}

      {status === "ready" && <PlayerControls />}
      <TranscriptViewer.Audio />
    </section>
  );
}

function PlayerControls() {
  const { seekBy } = useTranscriptViewerContext();
  return (
    <>
      <TranscriptViewer.Words around={7} className="player__caption" aria-hidden="true" />
      <div className="player__controls">
        <button
          type="button"
          className="icon-button"
          data-slot="tts-skip-back"
          aria-label={`Back ${SKIP_SECONDS} seconds`}
          onClick={() => seekBy(-SKIP_SECONDS)}
        >
          <BackwardIcon />
        </button>
        <TranscriptViewer.PlayPauseButton className="play-button" />
        <button
          type="button"
          className="icon-button"
          data-slot="tts-skip-forward"
          aria-label={`Forward ${SKIP_SECONDS} seconds`}
          onClick={() => seekBy(SKIP_SECONDS)}
        >
          <ForwardIcon />
        </button>
        <TranscriptViewer.ScrubBar className="player__scrub" />
        <SpeedSelect />
      </div>
    </>
  );
}
