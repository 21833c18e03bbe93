"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { Alignment } from "@/lib/alignment/types";
import { findWordIndex } from "@/client/highlight/find-word";
import { composeSegments, type ComposedTranscript } from "@/client/transcript/compose-segments";

export type WordIndexListener = (wordIndex: number) => void;

export interface UseTranscriptViewerOptions {
  alignment: Alignment | null;
  /** the API's durationMs: used until the audio element knows its own duration; while streaming, what has arrived */
  durationMs?: number;
  /** set while the audio streams in: the alignment and `durationMs` grow, the rest has not arrived */
  streaming?: { expectedMs: number } | null;
  /** what the audio is (its URL): a new one starts the transcript from the top, a growing alignment does not */
  resetKey?: string | null;
  onPlay?: () => void;
  onPause?: () => void;
  onEnded?: () => void;
}

// React hears about time at ~15 fps, so a render a frame is not paid for; the highlight reads the audio
// clock every frame through subscribeWordIndex, outside React.
const STATE_INTERVAL_MS = 66;
// A seek is "done" when the browser lands within this of where it was asked to go.
const SEEK_TOLERANCE_S = 0.5;
// Speech ends a little before the file does (encoder padding, trailing silence).
const END_GRACE_S = 0.35;
// Every wait of the playhead for audio is left in the page's performance timeline (a mark when it starts, a
// measure from start to end when it ends), where a test or a profiler reads them.
const WAIT_START_MARK = "listen:wait-start";
const WAIT_MEASURE = "listen:wait";
// The element's own news about its data: it ran out (waiting, stalled) or has some again.
const READINESS_EVENTS = ["waiting", "stalled", "playing", "canplay", "canplaythrough", "loadeddata", "emptied", "seeking"] as const;

/** Playing, but with no audio ahead of the playhead: the element waits for data that has not arrived. */
function starving(audio: HTMLAudioElement): boolean {
  return !audio.paused && !audio.ended && audio.readyState < HTMLMediaElement.HAVE_FUTURE_DATA;
}

const EMPTY: ComposedTranscript = { segments: [], words: [] };

/** Where a seek past what has arrived is going: a word (its time is not known yet) or a time. */
type PendingTarget = { word: number } | { time: number };

export function useTranscriptViewer({ alignment, durationMs, streaming = null, resetKey, onPlay, onPause, onEnded }: UseTranscriptViewerOptions) {
  const { segments, words } = useMemo(() => (alignment ? composeSegments(alignment) : EMPTY), [alignment]);
  const startTimes = useMemo(() => Float64Array.from(words, (w) => w.startTime), [words]);
  // While streaming, the last word so far is not the end of the speech: no auto-end, no replay from the top.
  const contentEnd = words.length && !streaming ? words[words.length - 1].endTime : 0;
  const arrived = streaming ? (durationMs ?? 0) / 1000 : Infinity;

  // The element lives in a ref (the lint rules forbid mutating state values, and an audio element is all
  // mutation); `hasAudio` re-runs the effects that attach to it when it mounts or changes.
  const audioElementRef = useRef<HTMLAudioElement | null>(null);
  const [hasAudio, setHasAudio] = useState(false);
  const audioRef = useCallback((element: HTMLAudioElement | null) => {
    audioElementRef.current = element;
    setHasAudio(element !== null);
  }, []);
  const [isPlaying, setIsPlaying] = useState(false);
  const [currentTime, setCurrentTime] = useState(0);
  const [currentWordIndex, setCurrentWordIndex] = useState(-1);
  const [mediaDuration, setMediaDuration] = useState(0);
  const duration = streaming ? Math.max(streaming.expectedMs, durationMs ?? 0) / 1000 : mediaDuration > 0 ? mediaDuration : (durationMs ?? 0) / 1000;
  const [playbackRate, setPlaybackRateState] = useState(1);
  const [isScrubbing, setIsScrubbing] = useState(false);

  const seekTargetRef = useRef<number | null>(null);
  // A seek asked for before the new audio's metadata arrived; applied on loadedmetadata.
  const pendingSeekRef = useRef<number | null>(null);
  const wordIndexRef = useRef(-1);
  // A word clicked or a time sought that has not arrived yet: playback waits, then goes there.
  const pendingTargetRef = useRef<PendingTarget | null>(null);
  const [waiting, setWaiting] = useState(false);
  // Playing into audio that has not arrived (the end of what streamed in, a seek outside the buffer).
  const [starved, setStarved] = useState(false);
  // The lit word is kept in view until the reader scrolls away; a seek, or "Back to the current word", resumes it.
  const [following, setFollowing] = useState(true);
  // The speech has ended (the file's end, or the auto-end after the last word), until playback starts again.
  const [ended, setEnded] = useState(false);
  const listenersRef = useRef(new Set<WordIndexListener>());
  const endedRef = useRef(false);
  const scrubbingRef = useRef(false);
  const callbacksRef = useRef({ onPlay, onPause, onEnded });
  useEffect(() => {
    callbacksRef.current = { onPlay, onPause, onEnded };
  });

  // The transcript now showing. Listeners and the frame loop from before a new transcript (a voice switch)
  // can still fire until their effects are replaced; what they would publish belongs to the old words.
  const shownStartTimesRef = useRef(startTimes);
  const publishWordIndex = useCallback(
    (time: number) => {
      if (startTimes !== shownStartTimesRef.current) return wordIndexRef.current;
      const idx = findWordIndex(startTimes, time);
      if (idx !== wordIndexRef.current) {
        wordIndexRef.current = idx;
        for (const listener of listenersRef.current) listener(idx);
      }
      return idx;
    },
    [startTimes],
  );

  const syncState = useCallback(
    (time: number) => {
      setCurrentTime(time);
      setCurrentWordIndex(publishWordIndex(time));
    },
    [publishWordIndex],
  );

  // A new transcript (a new article or voice) starts from the top; a streamed one growing does not.
  const key = resetKey === undefined ? alignment : resetKey;
  const [shownKey, setShownKey] = useState(key);
  if (shownKey !== key) {
    setShownKey(key);
    setCurrentTime(0);
    setCurrentWordIndex(-1);
    setMediaDuration(0);
    setWaiting(false);
    setStarved(false);
    setFollowing(true);
    setEnded(false);
  }
  useLayoutEffect(() => {
    shownStartTimesRef.current = startTimes;
  }, [startTimes]);
  // A layout effect, so it runs before children's effects: a child may seek the new audio at once (a voice
  // switch continues from the same word) and must not have that undone by this reset.
  useLayoutEffect(() => {
    wordIndexRef.current = -1;
    endedRef.current = false;
    seekTargetRef.current = null;
    pendingSeekRef.current = null;
    pendingTargetRef.current = null;
    for (const listener of listenersRef.current) listener(-1);
  }, [key]);

  /** Holds playback until `target` has arrived (the effect below goes there then). */
  const waitFor = useCallback((target: PendingTarget) => {
    pendingTargetRef.current = target;
    setWaiting(true);
    setFollowing(true);
    audioElementRef.current?.pause();
  }, []);

  const seekToTime = useCallback(
    (time: number, { resume = true }: { resume?: boolean } = {}) => {
      const audio = audioElementRef.current;
      if (!audio) return;
      if (time >= arrived) return waitFor({ time });
      pendingTargetRef.current = null;
      setWaiting(false);
      setFollowing(true);
      const limit = Number.isFinite(audio.duration) ? audio.duration : Math.max(duration, contentEnd);
      const target = Math.min(Math.max(time, 0), limit);
      endedRef.current = false;
      if (audio.readyState < HTMLMediaElement.HAVE_METADATA) {
        pendingSeekRef.current = target;
        syncState(target);
        return;
      }
      const wasPlaying = !audio.paused;
      seekTargetRef.current = target;
      syncState(target);
      audio.currentTime = target;
      if (resume && wasPlaying && audio.paused) void audio.play().catch(() => undefined);
    },
    [duration, contentEnd, syncState, arrived, waitFor],
  );

  const play = useCallback(async () => {
    const audio = audioElementRef.current;
    if (!audio) return;
    if (endedRef.current || audio.ended || (contentEnd > 0 && audio.currentTime >= contentEnd + END_GRACE_S)) {
      seekToTime(0, { resume: false });
    }
    endedRef.current = false;
    await audio.play().catch((error: unknown) => {
      if (!(error instanceof DOMException && error.name === "AbortError")) throw error;
    });
  }, [contentEnd, seekToTime]);

  /** Seeks to word `index` and plays; a word not arrived yet is waited for. */
  const seekToWord = useCallback(
    (index: number) => {
      if (index < 0) return;
      if (index >= words.length) {
        if (streaming) waitFor({ word: index });
        return;
      }
      seekToTime(words[index].startTime, { resume: false });
      void play();
    },
    [words, streaming, waitFor, seekToTime, play],
  );

  // Each chunk that arrives may hold the pending target.
  useEffect(() => {
    const target = pendingTargetRef.current;
    if (!target) return;
    const time = "word" in target ? words[target.word]?.startTime : target.time;
    if (time === undefined || time >= arrived) return;
    pendingTargetRef.current = null;
    seekToTime(time, { resume: false });
    void play();
  }, [words, arrived, seekToTime, play]);

  const pause = useCallback(() => {
    pendingTargetRef.current = null;
    setWaiting(false);
    audioElementRef.current?.pause();
  }, []);

  const togglePlay = useCallback(() => {
    const audio = audioElementRef.current;
    // Waiting for a word that has not arrived is playing, as far as the reader can tell: the button pauses it.
    if (audio && (!audio.paused || pendingTargetRef.current)) pause();
    else void play();
  }, [pause, play]);

  const seekBy = useCallback(
    (seconds: number) => {
      const audio = audioElementRef.current;
      if (audio) seekToTime(audio.currentTime + seconds);
    },
    [seekToTime],
  );

  const setPlaybackRate = useCallback((rate: number) => {
    const audio = audioElementRef.current;
    if (audio) {
      // defaultPlaybackRate survives a new src (loading resets playbackRate to it).
      audio.defaultPlaybackRate = rate;
      audio.playbackRate = rate;
    }
    setPlaybackRateState(rate);
  }, []);

  const startScrubbing = useCallback(() => {
    scrubbingRef.current = true;
    setIsScrubbing(true);
  }, []);
  const endScrubbing = useCallback(() => {
    scrubbingRef.current = false;
    setIsScrubbing(false);
  }, []);

  const subscribeWordIndex = useCallback((listener: WordIndexListener) => {
    listenersRef.current.add(listener);
    listener(wordIndexRef.current);
    return () => void listenersRef.current.delete(listener);
  }, []);

  const stopFollowing = useCallback(() => setFollowing(false), []);
  const resumeFollowing = useCallback(() => setFollowing(true), []);

  const getWordIndex = useCallback(() => wordIndexRef.current, []);
  const getAudioElement = useCallback(() => audioElementRef.current, []);

  // Media events: the seek guard keeps the stale timeupdate/pause events a seek produces from undoing it.
  useEffect(() => {
    const audio = audioElementRef.current;
    if (!hasAudio || !audio) return;
    const onPlayEvent = () => {
      setIsPlaying(true);
      setEnded(false);
      setStarved(starving(audio));
      callbacksRef.current.onPlay?.();
    };
    const onPauseEvent = () => {
      setStarved(false);
      if (seekTargetRef.current !== null || pendingSeekRef.current !== null) return;
      setIsPlaying(false);
      syncState(audio.currentTime);
      callbacksRef.current.onPause?.();
    };
    const onTimeUpdate = () => {
      if (seekTargetRef.current !== null || pendingSeekRef.current !== null || !audio.paused) return;
      syncState(audio.currentTime);
    };
    const onSeeked = () => {
      const target = seekTargetRef.current;
      if (target !== null && Math.abs(audio.currentTime - target) > SEEK_TOLERANCE_S) {
        audio.currentTime = target;
        return;
      }
      seekTargetRef.current = null;
      syncState(audio.currentTime);
    };
    const onDuration = () => {
      if (Number.isFinite(audio.duration) && audio.duration > 0) setMediaDuration(audio.duration);
    };
    const onMetadata = () => {
      onDuration();
      const pending = pendingSeekRef.current;
      if (pending === null) return;
      pendingSeekRef.current = null;
      seekTargetRef.current = pending;
      audio.currentTime = pending;
    };
    const onEndedEvent = () => {
      endedRef.current = true;
      setEnded(true);
      setStarved(false);
      setIsPlaying(false);
      syncState(audio.currentTime);
      callbacksRef.current.onEnded?.();
    };
    const onRate = () => setPlaybackRateState(audio.playbackRate);
    const onReadiness = () => setStarved(starving(audio));
    const events: Array<[string, () => void]> = [
      ["play", onPlayEvent],
      ["pause", onPauseEvent],
      ["timeupdate", onTimeUpdate],
      ["seeked", onSeeked],
      ["loadedmetadata", onMetadata],
      ["durationchange", onDuration],
      ["ended", onEndedEvent],
      ["ratechange", onRate],
      ...READINESS_EVENTS.map((name): [string, () => void] => [name, onReadiness]),
    ];
    for (const [name, handler] of events) audio.addEventListener(name, handler);
    if (audio.readyState >= HTMLMediaElement.HAVE_METADATA) onMetadata();
    return () => {
      for (const [name, handler] of events) audio.removeEventListener(name, handler);
    };
  }, [hasAudio, syncState]);

  // The frame loop: runs only while playing.
  useEffect(() => {
    const audio = audioElementRef.current;
    if (!audio || !isPlaying) return;
    let frame = 0;
    let lastStateAt = 0;
    const tick = (now: number) => {
      frame = requestAnimationFrame(tick);
      // Not every stall is announced (playing into the end of a MediaSource that is still open): look each frame.
      setStarved(starving(audio));
      if (seekTargetRef.current !== null || pendingSeekRef.current !== null) return;
      const time = audio.currentTime;
      const idx = publishWordIndex(time);
      if (contentEnd > 0 && time >= contentEnd + END_GRACE_S && !audio.ended) {
        // Pause at the end of the speech and stay open for a replay. The speech
        // has ended, as surely as when the file does (up next starts from here).
        endedRef.current = true;
        setEnded(true);
        audio.pause();
        callbacksRef.current.onEnded?.();
        return;
      }
      if (now - lastStateAt >= STATE_INTERVAL_MS && !scrubbingRef.current) {
        lastStateAt = now;
        setCurrentTime(time);
        setCurrentWordIndex(idx);
      }
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [isPlaying, contentEnd, publishWordIndex]);

  // Playback held for audio: a word sought that has not arrived, or the element itself out of data.
  const buffering = waiting || starved;
  // Recorded when the page shows it (a layout effect runs in the commit that draws the spinner), and closed when
  // the spinner goes or the player does.
  useLayoutEffect(() => {
    if (!buffering) return;
    const start = performance.now();
    const at = audioElementRef.current?.currentTime ?? 0;
    performance.mark(WAIT_START_MARK, { detail: { at } });
    return () => void performance.measure(WAIT_MEASURE, { start, end: performance.now(), detail: { at } });
  }, [buffering]);

  return {
    audioRef,
    hasAudio,
    segments,
    words,
    currentTime,
    currentWordIndex,
    duration,
    isPlaying,
    isScrubbing,
    /** waiting for audio that has not arrived: a word or time sought, or the audio played up to where it ends */
    waiting: buffering,
    /** the speech has ended and nothing plays */
    ended,
    /** the lit word is kept in view (false once the reader scrolls away) */
    following,
    stopFollowing,
    resumeFollowing,
    /** seconds of audio that have arrived (the whole duration unless streaming) */
    arrived: Math.min(arrived, duration),
    playbackRate,
    play,
    seekToWord,
    pause,
    togglePlay,
    seekToTime,
    seekBy,
    setPlaybackRate,
    startScrubbing,
    endScrubbing,
    subscribeWordIndex,
    getWordIndex,
    getAudioElement,
  };
}

export type TranscriptViewerState = ReturnType<typeof useTranscriptViewer>;
