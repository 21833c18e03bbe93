"use client";

import { createContext, useContext, useMemo, type ComponentProps, type CSSProperties, type ReactNode } from "react";
import type { Alignment } from "@/lib/alignment/types";
import { wordStateAt } from "@/client/highlight/word-states";
import { useTranscriptViewer, type TranscriptViewerState } from "@/components/hooks/use-transcript-viewer";
import { PauseIcon, PlayIcon } from "./icons";
import "./transcript-viewer.css";

const TranscriptViewerContext = createContext<TranscriptViewerState | null>(null);

export function useTranscriptViewerContext(): TranscriptViewerState {
  const value = useContext(TranscriptViewerContext);
  if (!value) throw new Error("useTranscriptViewerContext must be used inside <TranscriptViewerContainer>");
  return value;
}

function cx(...names: Array<string | false | null | undefined>) {
  return names.filter(Boolean).join(" ");
}

export function formatTime(seconds: number): string {
  const total = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

type ContainerProps = ComponentProps<"div"> & {
  alignment: Alignment | null;
  audioSrc: string | null;
  durationMs?: number;
  /** set while the audio streams in (see useTranscriptViewer) */
  streaming?: { expectedMs: number } | null;
  onPlay?: () => void;
  onPause?: () => void;
  onEnded?: () => void;
  children: ReactNode;
};

export function TranscriptViewerContainer({
  alignment,
  audioSrc,
  durationMs,
  streaming,
  onPlay,
  onPause,
  onEnded,
  className,
  children,
  ...props
}: ContainerProps) {
  const viewer = useTranscriptViewer({ alignment, durationMs, streaming, resetKey: audioSrc, onPlay, onPause, onEnded });
  return (
    <TranscriptViewerProvider viewer={viewer} audioSrc={audioSrc}>
      <div data-slot="transcript-viewer-root" className={className} {...props}>
        {children}
      </div>
    </TranscriptViewerProvider>
  );
}

/** The parts' context, for a viewer made by its owner's own useTranscriptViewer (who then drives it directly). */
export function TranscriptViewerProvider({
  viewer,
  audioSrc,
  children,
}: {
  viewer: TranscriptViewerState;
  audioSrc: string | null;
  children: ReactNode;
}) {
  return (
    <TranscriptViewerContext.Provider value={viewer}>
      <AudioSourceContext.Provider value={audioSrc}>{children}</AudioSourceContext.Provider>
    </TranscriptViewerContext.Provider>
  );
}

const AudioSourceContext = createContext<string | null>(null);

export function TranscriptViewerAudio(props: Omit<ComponentProps<"audio">, "src" | "ref">) {
  const { audioRef } = useTranscriptViewerContext();
  const src = useContext(AudioSourceContext);
  return <audio ref={audioRef} src={src ?? undefined} preload="auto" data-slot="transcript-viewer-audio" {...props} />;
}

/** Play, Pause, or — while the audio ahead has not arrived — a spinner that still pauses (never a silent Pause). */
export function TranscriptViewerPlayPauseButton({ className, children, ...props }: ComponentProps<"button">) {
  const { isPlaying, waiting, togglePlay, hasAudio } = useTranscriptViewerContext();
  const status = waiting ? "buffering" : isPlaying ? "playing" : "paused";
  const label = { buffering: "Loading the next part. Pause", playing: "Pause", paused: "Play" }[status];
  return (
    <button
      type="button"
      data-slot="transcript-viewer-play-pause"
      data-status={status}
      aria-label={label}
      aria-busy={waiting || undefined}
      disabled={!hasAudio}
      onClick={togglePlay}
      className={className}
      {...props}
    >
      {children ?? (waiting ? <span className="spinner" aria-hidden="true" /> : isPlaying ? <PauseIcon /> : <PlayIcon />)}
    </button>
  );
}

export function TranscriptViewerScrubBar({ className, ...props }: ComponentProps<"div">) {
  const { currentTime, duration, arrived, seekToTime, startScrubbing, endScrubbing } = useTranscriptViewerContext();
  const max = duration > 0 ? duration : 0;
  const value = Math.min(currentTime, max);
  const progress = max > 0 ? (value / max) * 100 : 0;
  // The part of the timeline that has arrived (all of it, unless the audio is still streaming in).
  const buffered = max > 0 ? (Math.min(arrived, max) / max) * 100 : 0;
  const fill = buffered < 100 ? { "--progress": `${progress}%`, "--arrived": `${buffered}%` } : { "--progress": `${progress}%` };
  return (
    <div data-slot="transcript-viewer-scrub-bar" data-arrived={buffered.toFixed(1)} className={cx("scrub", className)} {...props}>
      <span data-slot="transcript-viewer-elapsed" className="scrub__time">
        {formatTime(value)}
      </span>
      <input
        type="range"
        min={0}
        max={max}
        step={0.1}
        value={value}
        disabled={max === 0}
        aria-label="Seek"
        aria-valuetext={`${formatTime(value)} of ${formatTime(max)}`}
        className="scrub__range"
        style={fill as CSSProperties}
        onPointerDown={startScrubbing}
        onPointerUp={endScrubbing}
        onPointerCancel={endScrubbing}
        onChange={(event) => seekToTime(Number(event.currentTarget.value))}
      />
      <span data-slot="transcript-viewer-total" className="scrub__time">
        {formatTime(max)}
      </span>
    </div>
  );
}

/** A thin line of how far playback has got (the mini player's; the scrub bar is the full player's). */
export function TranscriptViewerProgress({ className, ...props }: ComponentProps<"div">) {
  const { currentTime, duration } = useTranscriptViewerContext();
  const max = duration > 0 ? duration : 0;
  const value = Math.min(currentTime, max);
  return (
    <div
      role="progressbar"
      aria-label="Progress"
      aria-valuemin={0}
      aria-valuemax={Math.round(max)}
      aria-valuenow={Math.round(value)}
      aria-valuetext={`${formatTime(value)} of ${formatTime(max)}`}
      data-slot="transcript-viewer-progress"
      className={cx("progress", className)}
      style={{ "--progress": `${max > 0 ? (value / max) * 100 : 0}%` } as CSSProperties}
      {...props}
    />
  );
}

type WordsProps = ComponentProps<"p"> & {
  /** render only this many words either side of the current one (a live caption); all words when omitted */
  around?: number;
};

export function TranscriptViewerWords({ around, className, ...props }: WordsProps) {
  const { words, currentWordIndex, seekToTime } = useTranscriptViewerContext();
  const anchor = Math.max(currentWordIndex, 0);
  const from = around === undefined ? 0 : Math.max(0, anchor - around);
  const to = around === undefined ? words.length : Math.min(words.length, anchor + around + 1);
  const visible = useMemo(() => words.slice(from, to), [words, from, to]);
  return (
    <p data-slot="transcript-viewer-words" className={className} {...props}>
      {visible.map((word) => (
        <span
          key={word.wordIndex}
          data-slot="transcript-viewer-word"
          data-status={wordStateAt(word.wordIndex, currentWordIndex)}
          onClick={() => seekToTime(word.startTime)}
        >
          {word.text}{" "}
        </span>
      ))}
    </p>
  );
}

/** The compound API (elevenlabs/ui style): `<TranscriptViewer.Container>` with its parts inside. */
export const TranscriptViewer = {
  Container: TranscriptViewerContainer,
  Audio: TranscriptViewerAudio,
  PlayPauseButton: TranscriptViewerPlayPauseButton,
  ScrubBar: TranscriptViewerScrubBar,
  Progress: TranscriptViewerProgress,
  Words: TranscriptViewerWords,
};
