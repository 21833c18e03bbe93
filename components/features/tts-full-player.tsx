"use client";

import type { ReactNode } from "react";
import type { TTSError, TTSStatus } from "@/components/hooks/use-tts";
import { useSentenceNavigation } from "@/components/hooks/use-sentence-navigation";
import { AlertIcon, BackwardIcon, ForwardIcon, NextSentenceIcon, PreviousSentenceIcon } from "@/components/ui/icons";
import { TranscriptViewer, useTranscriptViewerContext } from "@/components/ui/transcript-viewer";
import { SpeedSelect } from "./speed-select";
import { TTSLoadingProgress } from "./tts-loading-progress";

const SKIP_SECONDS = 10;

export interface TTSFullPlayerProps {
  status: TTSStatus;
  error: TTSError | null;
  startedAt: number;
  estimatedMs: number;
  /** a conversation's row (who speaks, the Voices panel), above the controls */
  conversation?: ReactNode;
  /** the voice picker, first in the controls row */
  voicePicker?: ReactNode;
  /** the row under the controls: the sleep timer, the download */
  extras?: ReactNode;
  /** shown instead of the error when the refusal has a way out (daily limit, premium voice) */
  upgradeNotice?: ReactNode;
  onRetry: () => void;
}

/** The whole player under its header: loading, the error, or the controls with their extras. */
export function TTSFullPlayer({
  status,
  error,
  startedAt,
  estimatedMs,
  conversation,
  voicePicker,
  extras,
  upgradeNotice,
  onRetry,
}: TTSFullPlayerProps) {
  if (status === "loading") return <TTSLoadingProgress startedAt={startedAt} estimatedMs={estimatedMs} />;
  if (status === "error") {
    return (
      upgradeNotice ?? (
        <div className="player__error" data-slot="tts-error" role="alert">
          <AlertIcon className="player__error-icon" />
          <p>{error?.message ?? "Something went wrong."}</p>
          <button type="button" className="pill-button" data-slot="tts-retry" onClick={onRetry}>
            Try again
          </button>
        </div>
      )
    );
  }
  if (status !== "ready") return null;
  return (
    <>
      {conversation}
      <PlayerControls voicePicker={voicePicker} />
      {extras && (
        <div className="player__extras" role="group" aria-label="More">
          {extras}
        </div>
      )}
    </>
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
