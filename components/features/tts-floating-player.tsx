"use client";

import type { ReactNode } from "react";
import type { TTSError, TTSSource, TTSStatus } from "@/components/hooks/use-tts";
import { useSentenceNavigation } from "@/components/hooks/use-sentence-navigation";
import { AlertIcon, BackwardIcon, ForwardIcon, NextSentenceIcon, PreviousSentenceIcon, XIcon } from "@/components/ui/icons";
import { TranscriptViewer, useTranscriptViewerContext } from "@/components/ui/transcript-viewer";
import { SpeedSelect } from "./speed-select";
import { TTSLoadingProgress } from "./tts-loading-progress";
import { TTSWaveAnimation } from "./tts-wave-animation";
import "@/components/ui/pill-button.css";
import "./tts-floating-player.css";

const SKIP_SECONDS = 10;

interface TTSFloatingPlayerProps {
  title: string;
  status: TTSStatus;
  error: TTSError | null;
  startedAt: number;
  estimatedMs: number;
  /** the credits banner, for free and anonymous readers */
  banner?: ReactNode;
  /** the voice picker, first in the controls row */
  voicePicker?: ReactNode;
  /** the row under the controls: the sleep timer, the download */
  extras?: ReactNode;
  /** a conversation's row (who speaks, the Voices panel), above the controls */
  conversation?: ReactNode;
  /** shown instead of the error when the refusal has a way out (daily limit, premium voice) */
  upgradeNotice?: ReactNode;
  /** a passing message under the controls (a voice switch that failed) */
  notice?: string | null;
  /** where the audio playing came from: the tab's memory (L0), IndexedDB (L1) or the API */
  audioSource?: TTSSource | null;
  /** where a streamed audio stands; null for audio that came whole */
  streamState?: "streaming" | "complete" | null;
  /** the stream stopped midway: what arrived plays on, and Retry asks for the rest */
  streamError?: TTSError | null;
  onClose: () => void;
  onRetry: () => void;
  onResume?: () => void;
}

/** The one player for desktop and mobile (spec: "Shared TTSFloatingPlayer component"); CSS places it. */
export function TTSFloatingPlayer({
  title,
  status,
  error,
  startedAt,
  estimatedMs,
  banner,
  voicePicker,
  extras,
  conversation,
  upgradeNotice,
  notice,
  audioSource = null,
  streamState = null,
  streamError = null,
  onClose,
  onRetry,
  onResume,
}: TTSFloatingPlayerProps) {
  const { isPlaying, waiting } = useTranscriptViewerContext();
  return (
    <section
      className="player"
      data-slot="tts-player"
      data-status={status}
      data-audio-source={audioSource ?? undefined}
      data-stream-state={streamState ?? undefined}
      data-waiting={waiting || undefined}
      aria-label="Listen to this article"
    >
      {banner}
      <header className="player__header">
        <TTSWaveAnimation playing={status === "ready" && isPlaying} />
        <div className="player__heading">
          <span className="player__eyebrow">Now playing</span>
          {/* dir="auto": a right-to-left title keeps its order, and is cut at its end rather than its start. */}
          <span className="player__title" dir="auto">
            {title}
          </span>
        </div>
        <button type="button" className="icon-button" data-slot="tts-close" aria-label="Close player" onClick={onClose}>
          <XIcon />
        </button>
      </header>

      {status === "loading" && <TTSLoadingProgress startedAt={startedAt} estimatedMs={estimatedMs} />}

      {status === "error" &&
        (upgradeNotice ?? (
          <div className="player__error" data-slot="tts-error" role="alert">
            <AlertIcon className="player__error-icon" />
            <p>{error?.message ?? "Something went wrong."}</p>
            <button type="button" className="pill-button" data-slot="tts-retry" onClick={onRetry}>
              Try again
            </button>
          </div>
        ))}

      {status === "ready" && conversation}
      {status === "ready" && <PlayerControls voicePicker={voicePicker} />}
      {status === "ready" && extras && (
        <div className="player__extras" role="group" aria-label="More">
          {extras}
        </div>
      )}
      {status === "ready" && waiting && (
        <p className="player__notice" data-slot="tts-waiting" role="status">
          Waiting for that part of the audio…
        </p>
      )}
      {status === "ready" && streamError && (
        <div className="player__error" data-slot="tts-stream-error" role="alert">
          <AlertIcon className="player__error-icon" />
          <p>The rest of the audio did not arrive: {streamError.message}</p>
          <button type="button" className="pill-button" data-slot="tts-stream-retry" onClick={onResume}>
            Retry
          </button>
        </div>
      )}
      {status === "ready" && notice && (
        <p className="player__notice" data-slot="tts-notice" role="status">
          {notice}
        </p>
      )}
      <TranscriptViewer.Audio />
    </section>
  );
}

function PlayerControls({ voicePicker }: { voicePicker?: ReactNode }) {
  const { seekBy } = useTranscriptViewerContext();
  const { previousSentence, nextSentence } = useSentenceNavigation();
  return (
    <>
      <TranscriptViewer.Words around={7} className="player__caption" aria-hidden="true" />
      <div className="player__controls" role="group" aria-label="Playback">
        {voicePicker}
        <div className="player__transport">
          <TransportButton slot="tts-previous-sentence" label="Previous sentence" keys="Shift+ArrowLeft" onClick={previousSentence}>
            <PreviousSentenceIcon />
          </TransportButton>
          <TransportButton slot="tts-skip-back" label={`Back ${SKIP_SECONDS} seconds`} keys="ArrowLeft" onClick={() => seekBy(-SKIP_SECONDS)}>
            <BackwardIcon />
          </TransportButton>
          <TranscriptViewer.PlayPauseButton className="play-button" aria-keyshortcuts="Space" />
          <TransportButton slot="tts-skip-forward" label={`Forward ${SKIP_SECONDS} seconds`} keys="ArrowRight" onClick={() => seekBy(SKIP_SECONDS)}>
            <ForwardIcon />
          </TransportButton>
          <TransportButton slot="tts-next-sentence" label="Next sentence" keys="Shift+ArrowRight" onClick={nextSentence}>
            <NextSentenceIcon />
          </TransportButton>
        </div>
        <TranscriptViewer.ScrubBar className="player__scrub" />
        <SpeedSelect />
      </div>
    </>
  );
}

/** One icon button of the transport row: its name and its keyboard shortcut are said to screen readers. */
function TransportButton({
  slot,
  label,
  keys,
  onClick,
  children,
}: {
  slot: string;
  label: string;
  keys: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button type="button" className="icon-button" data-slot={slot} aria-label={label} aria-keyshortcuts={keys} onClick={onClick}>
      {children}
    </button>
  );
}
