"use client";

import { useState, type ReactNode } from "react";
import type { TTSError, TTSSource } from "@/components/hooks/use-tts";
import { useMediaQuery } from "@/components/hooks/use-media-query";
import { MOBILE_QUERY } from "@/components/hooks/use-player-space";
import { useSavedSpeed } from "@/components/hooks/use-saved-speed";
import { COVERS_READING_ATTRIBUTE } from "@/components/hooks/use-follow-lit-word";
import { AlertIcon, ChevronDownIcon, XIcon } from "@/components/ui/icons";
import { TranscriptViewer, useTranscriptViewerContext } from "@/components/ui/transcript-viewer";
import { BackToWord } from "./back-to-word";
import { TTSFullPlayer, type TTSFullPlayerProps } from "./tts-full-player";
import { TTSMiniPlayer } from "./tts-mini-player";
import { TTSWaveAnimation } from "./tts-wave-animation";
import "@/components/ui/pill-button.css";
import "./tts-floating-player.css";

interface TTSFloatingPlayerProps extends TTSFullPlayerProps {
  title: string;
  /** the credits banner, for free and anonymous readers */
  banner?: ReactNode;
  /** a passing message under the controls (a voice switch that failed) */
  notice?: string | null;
  /** where the audio playing came from: the tab's memory (L0), IndexedDB (L1) or the API */
  audioSource?: TTSSource | null;
  /** where a streamed audio stands; null for audio that came whole */
  streamState?: "streaming" | "complete" | null;
  /** the stream stopped midway: what arrived plays on, and Retry asks for the rest */
  streamError?: TTSError | null;
  onClose: () => void;
  onResume?: () => void;
}

/**
 * The one player for desktop and mobile; CSS places it. On a phone,
 * once the audio plays, it is the mini player until the reader opens it (and again once they close it), so the
 * article keeps the screen; at the end of the article it opens by itself, with what comes next.
 */
export function TTSFloatingPlayer({
  title,
  banner,
  notice,
  audioSource = null,
  streamState = null,
  streamError = null,
  onClose,
  onResume,
  ...full
}: TTSFloatingPlayerProps) {
  const { status } = full;
  const { isPlaying, waiting, ended } = useTranscriptViewerContext();
  useSavedSpeed();
  const phone = useMediaQuery(MOBILE_QUERY);
  const [opened, setOpened] = useState(false);
  const mini = phone && status === "ready" && !opened && !ended;
  const waitingNotice = status === "ready" && waiting;
  const coversReading = { [COVERS_READING_ATTRIBUTE]: "" };
  return (
    <section
      className="player"
      data-slot="tts-player"
      data-status={status}
      data-size={mini ? "mini" : "full"}
      data-audio-source={audioSource ?? undefined}
      data-stream-state={streamState ?? undefined}
      data-waiting={waiting || undefined}
      aria-label="Listen to this article"
      {...coversReading}
    >
      {status === "ready" && <BackToWord />}
      {mini ? (
        <TTSMiniPlayer title={title} onExpand={() => setOpened(true)} />
      ) : (
        <>
          {banner}
          <header className="player__header">
            <TTSWaveAnimation playing={status === "ready" && isPlaying && !waiting} />
            <div className="player__heading">
              <span className="player__eyebrow">Now playing</span>
              {/* dir="auto": a right-to-left title keeps its order, and is cut at its end rather than its start. */}
              <span className="player__title" dir="auto">
                {title}
              </span>
            </div>
            {phone && status === "ready" && (
              <button
                type="button"
                className="icon-button"
                data-slot="tts-collapse"
                aria-expanded="true"
                aria-label="Make the player small"
                onClick={() => setOpened(false)}
              >
                <ChevronDownIcon />
              </button>
            )}
            <button type="button" className="icon-button" data-slot="tts-close" aria-label="Close player" onClick={onClose}>
              <XIcon />
            </button>
          </header>
          <TTSFullPlayer {...full} />
          {waitingNotice && (
            <p className="player__notice player__notice--quiet" data-slot="tts-waiting" role="status">
              Loading the next part…
            </p>
          )}
        </>
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
