"use client";

import { useEffect, useLayoutEffect } from "react";
import { useTranscriptViewerContext } from "@/components/ui/transcript-viewer";
import { useLatestRef } from "./use-latest-ref";

export interface MediaSessionInfo {
  title: string;
  /** the site or the author; "Listen" when neither is known */
  artist: string | null;
  /** the article's image; our icon when it has none */
  artwork: string | null;
}

export interface MediaSessionActions {
  stop: () => void;
  previousSentence: () => void;
  nextSentence: () => void;
}

export const MEDIA_SESSION_ALBUM = "Listen";
const FALLBACK_ARTWORK = "/icon.svg";
// What a headset's or lock screen's skip does when it does not say how far (the player's own skip).
const DEFAULT_SKIP_SECONDS = 10;

function artworkType(src: string): string {
  return src.endsWith(".svg") ? "image/svg+xml" : src.endsWith(".png") ? "image/png" : "image/jpeg";
}

/**
 * The lock screen, notification shade, headset and media keys (Media Session API): what is playing, the
 * transport actions, and where playback stands, so the system's own scrubber stays right.
 */
export function useMediaSession({ title, artist, artwork }: MediaSessionInfo, actions: MediaSessionActions) {
  const viewer = useTranscriptViewerContext();
  const { hasAudio, isPlaying, waiting, duration, playbackRate, currentTime } = viewer;
  const latest = useLatestRef({ viewer, actions });

  useEffect(() => {
    if (!("mediaSession" in navigator) || typeof MediaMetadata === "undefined") return;
    const src = artwork ?? FALLBACK_ARTWORK;
    navigator.mediaSession.metadata = new MediaMetadata({
      title,
      artist: artist ?? MEDIA_SESSION_ALBUM,
      album: MEDIA_SESSION_ALBUM,
      artwork: [{ src: new URL(src, window.location.href).href, sizes: "512x512", type: artworkType(src) }],
    });
    return () => {
      navigator.mediaSession.metadata = null;
    };
  }, [title, artist, artwork]);

  useEffect(() => {
    if (!("mediaSession" in navigator) || !hasAudio) return;
    const session = navigator.mediaSession;
    const handlers: Array<[MediaSessionAction, MediaSessionActionHandler]> = [
      ["play", () => void latest.current.viewer.play()],
      ["pause", () => latest.current.viewer.pause()],
      ["stop", () => latest.current.actions.stop()],
      ["seekbackward", (details) => latest.current.viewer.seekBy(-(details.seekOffset ?? DEFAULT_SKIP_SECONDS))],
      ["seekforward", (details) => latest.current.viewer.seekBy(details.seekOffset ?? DEFAULT_SKIP_SECONDS)],
      [
        "seekto",
        (details) => {
          if (details.seekTime !== undefined) latest.current.viewer.seekToTime(details.seekTime);
        },
      ],
      ["previoustrack", () => latest.current.actions.previousSentence()],
      ["nexttrack", () => latest.current.actions.nextSentence()],
    ];
    for (const [action, handler] of handlers) {
      try {
        session.setActionHandler(action, handler);
      } catch {
        // A browser that does not know this action: the others still work.
      }
    }
    return () => {
      for (const [action] of handlers) {
        try {
          session.setActionHandler(action, null);
        } catch {
          // As above.
        }
      }
    };
  }, [hasAudio, latest]);

  // While the audio ahead has not arrived nothing plays: "paused" also stops the system moving its scrubber on
  // from the rate. Set in the commit that shows the spinner, so the lock screen and the page never disagree.
  useLayoutEffect(() => {
    if (!("mediaSession" in navigator)) return;
    navigator.mediaSession.playbackState = hasAudio ? (isPlaying && !waiting ? "playing" : "paused") : "none";
  }, [hasAudio, isPlaying, waiting]);

  // React hears the time ~15 times a second; the system extrapolates between updates from the rate, so once a
  // second (and on every seek, pause or rate change) is plenty.
  const second = Math.floor(currentTime);
  useEffect(() => {
    if (!("mediaSession" in navigator) || !navigator.mediaSession.setPositionState) return;
    // A stream's duration is an estimate that grows; the API throws on anything not finite and positive.
    if (!hasAudio || !Number.isFinite(duration) || duration <= 0) return;
    const position = Math.min(Math.max(latest.current.viewer.currentTime, 0), duration);
    try {
      navigator.mediaSession.setPositionState({ duration, playbackRate, position });
    } catch {
      // A rate the system does not accept (0): keep the last state.
    }
  }, [hasAudio, duration, playbackRate, second, isPlaying, waiting, latest]);

  useEffect(
    () => () => {
      if (!("mediaSession" in navigator)) return;
      navigator.mediaSession.playbackState = "none";
      navigator.mediaSession.setPositionState?.();
    },
    [],
  );
}
