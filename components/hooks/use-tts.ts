"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { Alignment } from "@/lib/alignment/types";
import { createTabAudioCache, type TabAudioCache } from "@/lib/client-cache/tab-audio-cache";
import { decodeBase64 } from "@/lib/stream/decode-base64";
import { createMediaSourceFeed, mediaSourcePlaysMp3, type MediaSourceFeed } from "@/lib/stream/media-source-feed";
import { ndjsonLines } from "@/lib/stream/ndjson-lines";
import { createStreamAssembler, type StreamAssembler } from "@/lib/stream/stream-assembler";
import type { QuotaUsage } from "@/lib/quota/quota-usage";
import { asStreamLine } from "@/lib/stream/stream-lines";
import { DEFAULT_AUDIO_SETTINGS } from "@/lib/text/cache-key";
import {
  isConversation,
  sameSpeech,
  speechBody,
  speechCacheKey,
  speechMemorySlot,
  type SegmentTiming,
  type Speech,
  type SpeechSegment,
} from "@/lib/conversation/speech";
import { OPENING_MAX_CHARS } from "@/lib/text/chunk-plan";
import { DEFAULT_CHUNK_CONCURRENCY } from "@/lib/text/chunk-concurrency";
import { CHUNK_MAX_CHARS } from "@/lib/text/split-chunks";
import { DEFAULT_LANGUAGE, DEFAULT_VOICE, defaultVoiceFor, isVoiceAllowed, speaksLanguage, type Tier } from "@/lib/voices";
import { diskAudioCache } from "@/lib/client-cache/indexeddb-audio-cache";
import { useLatestRef } from "./use-latest-ref";

export type TTSStatus = "idle" | "loading" | "ready" | "error";

export interface TTSError {
  message: string;
  code: string;
  status: number;
}

export interface TTSAudio {
  url: string;
  /** grows chunk by chunk while streaming */
  alignment: Alignment;
  /** what has arrived while streaming; the whole file's once complete */
  durationMs: number;
  voice: string;
  /** a conversation's segments as far as they have started (null for an article) */
  segments: SegmentTiming[] | null;
  /** set while the audio comes from /api/tts/stream (null for a cached article or a single response) */
  stream: TTSStreamProgress | null;
}

export interface TTSStreamProgress {
  /** the end line arrived: alignment and duration are the whole article's */
  complete: boolean;
  /** the whole article's duration, estimated from what has arrived (its real value once complete) */
  expectedMs: number;
}

/** Where the audio came from: the tab's memory (L0), IndexedDB (L1) or the API. */
export type TTSSource = "memory" | "disk" | "network";

interface TTSResponse {
  audioBase64: string;
  alignment: Alignment;
  durationMs: number;
  segments?: SegmentTiming[];
}

interface TTSState {
  status: TTSStatus;
  audio: TTSAudio | null;
  error: TTSError | null;
  source: TTSSource | null;
  /** the article's voice playing, or asked for */
  voice: string;
  /** what is playing, or asked for: the article in `voice`, or a conversation (null before the first start) */
  speech: Speech | null;
  /** another voice or cast being fetched while the current one keeps playing */
  switchingTo: Speech | null;
  /** why the last voice switch failed (the previous voice kept playing) */
  switchError: TTSError | null;
  /** the stream failed after audio had arrived: what arrived keeps playing */
  streamError: TTSError | null;
  /** how long generation is expected to take, from the text length (the API answers in one piece) */
  estimatedMs: number;
  startedAt: number;
}

export interface UseTTSOptions {
  tier: Tier;
  /** the server's X-TTS-Usage-* answer; `articleKey` when it served the article (and so counted it) */
  onUsage?: (usage: QuotaUsage, articleKey?: string) => void;
  /** where the player is, in seconds: a streamed article is buffered around it */
  playhead?: () => number;
}

const PREFERRED_VOICE_KEY = "listen:voice";

// A cached article comes back at once, but a fresh one takes roughly one upstream round per
// DEFAULT_CHUNK_CONCURRENCY chunks of the server's plan.
const ROUND_MS = 4000;

const speechLength = (speech: Speech) => (isConversation(speech) ? speech.segments.reduce((n, s) => n + s.text.length, 0) : speech.text.length);
const openingLength = (speech: Speech) => (isConversation(speech) ? (speech.segments[0]?.text.length ?? 0) : speech.text.length);

export function estimateGenerationMs(textLength: number): number {
  const rounds = Math.ceil(Math.ceil(textLength / CHUNK_MAX_CHARS) / DEFAULT_CHUNK_CONCURRENCY);
  return 1000 + rounds * ROUND_MS;
}

async function readError(res: Response): Promise<TTSError> {
  const body = (await res.json().catch(() => null)) as { error?: unknown; code?: unknown } | null;
  return {
    status: res.status,
    code: typeof body?.code === "string" ? body.code : "HTTP_" + res.status,
    message: typeof body?.error === "string" && body.error ? body.error : `The voice service answered ${res.status}. Please try again.`,
  };
}

// A chunk line carries up to ~1800 characters of speech as base64 MP3 (about 2 MB at most); anything far
// longer is not our API.
const MAX_LINE_CHARS = 16 * 1024 * 1024;

const streamStopped = (message: string, code: string): TTSError => ({ status: 200, code, message });

function readUsage(res: Response): QuotaUsage | null {
  const count = Number(res.headers.get("X-TTS-Usage-Count") ?? NaN);
  const limit = Number(res.headers.get("X-TTS-Usage-Limit") ?? NaN);
  return Number.isFinite(count) && Number.isFinite(limit) ? { count, limit } : null;
}

function networkError(cause: unknown): TTSError {
  const message = cause instanceof Error && cause.message ? cause.message : String(cause);
  return { status: 0, code: "NETWORK_ERROR", message: `Could not reach the voice service (${message}).` };
}

/** The voice the reader chose last time (kept in the browser), if their tier still has it and it speaks `lang`. */
export function preferredVoice(tier: Tier, lang = DEFAULT_LANGUAGE): string {
  try {
    const saved = localStorage.getItem(PREFERRED_VOICE_KEY);
    if (saved && isVoiceAllowed(saved, tier) && speaksLanguage(saved, lang)) return saved;
  } catch {
    // Storage can be off (privacy settings): the default voice it is.
  }
  return defaultVoiceFor(lang) ?? DEFAULT_VOICE;
}

function idle(voice: string): TTSState {
  return {
    status: "idle",
    audio: null,
    error: null,
    source: null,
    voice,
    speech: null,
    switchingTo: null,
    switchError: null,
    streamError: null,
    estimatedMs: 0,
    startedAt: 0,
  };
}

/**
 * An article's audio in the chosen voice, from the nearest cache that has it (spec: Cache Hierarchy, L0 → L1
 * → API). Owns every Blob URL it hands out: stop() and unmount revoke them all.
 */
export function useTTS({ tier, onUsage, playhead }: UseTTSOptions) {
  const [state, setState] = useState<TTSState>(() => idle(DEFAULT_VOICE));
  const abortRef = useRef<AbortController | null>(null);
  const requestRef = useRef(0);
  const speechRef = useRef<Speech | null>(null);
  const memoryRef = useRef<TabAudioCache | null>(null);
  // The MediaSource behind the audio now shown, when it came from a stream (its URL is not in L0: L0 gets
  // the single file once the stream is complete).
  const feedRef = useRef<MediaSourceFeed | null>(null);
  const latest = useLatestRef({ tier, onUsage, playhead, state });

  const memory = useCallback(() => (memoryRef.current ??= createTabAudioCache((url) => URL.revokeObjectURL(url))), []);
  const showFeed = useCallback((feed: MediaSourceFeed | null) => {
    if (feedRef.current !== feed) feedRef.current?.close();
    feedRef.current = feed;
  }, []);

  const load = useCallback(
    async (speech: Speech, mode: "start" | "switch" | "resume") => {
      const request = ++requestRef.current;
      abortRef.current?.abort();
      abortRef.current = null;
      speechRef.current = speech;
      // A conversation leaves the article's voice as it was: it is what Listen without the conversation uses.
      const voice = isConversation(speech) ? latest.current.state.voice : speech.voice;
      const asked = { ...idle(voice), speech };
      const slot = speechMemorySlot(speech);
      const current = () => request === requestRef.current;
      const ready = (audio: Omit<TTSAudio, "voice" | "stream">, source: TTSSource) => {
        showFeed(null);
        setState({ ...asked, status: "ready", audio: { ...audio, voice, stream: null }, source });
      };
      const segmentsOf = (stored: { segments?: SegmentTiming[] }) => (isConversation(speech) ? (stored.segments ?? null) : null);

      const remembered = memory().get(slot.voice, slot.text);
      if (remembered) {
        ready(
          { url: remembered.blobUrl, alignment: remembered.alignment, durationMs: remembered.durationMs, segments: segmentsOf(remembered) },
          "memory",
        );
        return;
      }
      // A voice switch keeps the current voice playing until the new one is whole, then carries on from the
      // same word: that needs the new voice's timeline to the word, so it takes the single response.
      const streaming = mode !== "switch" && mediaSourcePlaysMp3();
      if (mode === "start") {
        // Streaming, the wait is for the opening chunk only, whatever the article's length.
        const waitFor = streaming ? Math.min(openingLength(speech), OPENING_MAX_CHARS) : speechLength(speech);
        setState({ ...asked, status: "loading", estimatedMs: estimateGenerationMs(waitFor), startedAt: Date.now() });
      } else {
        setState((s) => ({ ...s, switchingTo: speech, switchError: null }));
      }
      const fail = (error: TTSError) => {
        if (!current()) return;
        abortRef.current = null;
        if (mode === "start") setState({ ...asked, status: "error", error });
        else setState((s) => ({ ...s, switchingTo: null, switchError: error }));
      };
      const keep = (audio: Blob, alignment: Alignment, durationMs: number, segments: SegmentTiming[] | null) => {
        const url = URL.createObjectURL(audio);
        memory().set(slot.voice, slot.text, { blobUrl: url, audio, alignment, durationMs, ...(segments ? { segments } : {}) });
        return url;
      };
      const save = (audio: Blob, alignment: Alignment, durationMs: number, segments: SegmentTiming[] | null) =>
        void disk?.put(key, { audio, alignment, durationMs, ...(segments ? { segments } : {}) }).catch(() => undefined);

      const key = await speechCacheKey(speech, DEFAULT_AUDIO_SETTINGS);
      const disk = diskAudioCache();
      const saved = await disk?.get(key).catch(() => undefined);
      if (!current()) return;
      if (saved) {
        const segments = segmentsOf(saved);
        ready(
          { url: keep(saved.audio, saved.alignment, saved.durationMs, segments), alignment: saved.alignment, durationMs: saved.durationMs, segments },
          "disk",
        );
        return;
      }

      const controller = new AbortController();
      abortRef.current = controller;
      const post = (path: string) =>
        fetch(path, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(speechBody(speech)),
          signal: controller.signal,
        });
      /** the refusal of either endpoint, as today: its JSON error, and where the reader stands */
      const refuse = async (res: Response) => {
        const usage = readUsage(res);
        const error = await readError(res);
        if (usage) latest.current.onUsage?.(usage);
        fail(error);
      };

      const single = async () => {
        const res = await post("/api/tts");
        if (!res.ok) return refuse(res);
        const usage = readUsage(res);
        const body = (await res.json()) as TTSResponse;
        if (!current()) return;
        abortRef.current = null;
        const audio = new Blob([decodeBase64(body.audioBase64)], { type: "audio/mpeg" });
        if (usage) latest.current.onUsage?.(usage, key);
        const segments = segmentsOf({ segments: body.segments?.map(({ voice: v, startMs }) => ({ voice: v, startMs })) });
        ready(
          { url: keep(audio, body.alignment, body.durationMs, segments), alignment: body.alignment, durationMs: body.durationMs, segments },
          "network",
        );
        save(audio, body.alignment, body.durationMs, segments);
      };

      // Spec issue 10: the first chunk plays while the rest is generated. The API answers lines as they are
      // ready; each chunk's frames go into a MediaSource at its place on the timeline.
      const stream = async () => {
        const res = await post("/api/tts/stream");
        // An API from before streaming: the single response it is.
        if (res.status === 404) return single();
        if (!res.ok || !res.body) return refuse(res);
        const usage = readUsage(res);
        if (usage) latest.current.onUsage?.(usage, key);
        let assembler: StreamAssembler | null = null;
        let feed: MediaSourceFeed | null = null;
        // A conversation's segments, each once its first chunk line has told where it starts.
        let voices: string[] = [];
        const segments: SegmentTiming[] = [];
        // After the first audio a failure no longer ends listening: what arrived plays on, with a Retry.
        const stopped = (error: TTSError) => {
          if (!current()) return;
          abortRef.current = null;
          if (!feed) return fail(error);
          setState((s) => ({ ...s, streamError: error }));
        };
        const onFeedError = (error: Error) => stopped(streamStopped(`The browser could not play the audio (${error.message}).`, "MEDIA_ERROR"));
        const progress = (a: StreamAssembler) => ({
          complete: false,
          expectedMs: a.arrivedChars > 0 ? (a.arrivedMs * a.textLength) / a.arrivedChars : 0,
        });
        const readLines = async (body: ReadableStream<Uint8Array>) => {
          for await (const value of ndjsonLines(body, { maxLineChars: MAX_LINE_CHARS })) {
            if (!current()) return;
            const line = asStreamLine(value);
            if (line.type === "start") {
              assembler = createStreamAssembler(line);
              voices = line.segments?.map((s) => s.voice) ?? [];
            } else if (line.type === "chunk") {
              if (!assembler) throw new Error("a chunk line came before the start line");
              const chunk = assembler.add(line);
              if (line.segment !== undefined && line.segment === segments.length && voices[line.segment] !== undefined) {
                segments.push({ voice: voices[line.segment], startMs: line.startMs });
              }
              if (!feed) {
                feed = createMediaSourceFeed({ playhead: () => latest.current.playhead?.() ?? 0, onError: onFeedError });
                showFeed(feed);
              }
              feed.append(chunk.frames, chunk.startMs / 1000, chunk.durationMs / 1000);
              const audio: TTSAudio = {
                url: feed.url,
                alignment: assembler.alignment,
                durationMs: assembler.arrivedMs,
                voice,
                segments: segmentsOf({ segments: [...segments] }),
                stream: progress(assembler),
              };
              setState((s) => (s.audio?.url === audio.url ? { ...s, audio } : { ...asked, status: "ready", audio, source: "network" }));
            } else if (line.type === "end") {
              if (!assembler || !feed) throw new Error("the stream ended before any audio");
              const whole = assembler.finish();
              feed.end();
              abortRef.current = null;
              // The single file goes to L0 and L1 for next time; the MediaSource keeps playing this time.
              const audio = new Blob([whole.mp3 as Uint8Array<ArrayBuffer>], { type: "audio/mpeg" });
              const timings = segmentsOf({ segments });
              keep(audio, whole.alignment, whole.durationMs, timings);
              save(audio, whole.alignment, whole.durationMs, timings);
              const url = feed.url;
              setState((s) =>
                s.audio?.url === url
                  ? {
                      ...s,
                      audio: {
                        ...s.audio,
                        alignment: whole.alignment,
                        durationMs: whole.durationMs,
                        segments: timings,
                        stream: { complete: true, expectedMs: whole.durationMs },
                      },
                    }
                  : s,
              );
              return;
            } else {
              return stopped(streamStopped(line.error, line.code));
            }
          }
          stopped(streamStopped("The audio stream stopped before the end.", "STREAM_INCOMPLETE"));
        };
        try {
          await readLines(res.body);
        } catch (cause) {
          // A reset connection or a garbled line: with audio playing, keep it and say what happened.
          if (controller.signal.aborted || !feed) throw cause;
          stopped(networkError(cause));
        }
      };

      try {
        await (streaming ? stream() : single());
      } catch (cause) {
        if (controller.signal.aborted) return;
        fail(networkError(cause));
      }
    },
    [memory, showFeed, latest],
  );

  /** Listens to an article's text, in its language (`lang`, a BCP 47 tag; English when absent). */
  const start = useCallback(
    (text: string, lang?: string) => load({ text, voice: preferredVoice(latest.current.tier, lang), ...(lang && { lang }) }, "start"),
    [load, latest],
  );

  /** Listens to a conversation: its turns as segments, each in its speaker's voice. */
  const startConversation = useCallback(
    (segments: readonly SpeechSegment[], lang?: string) => load({ segments, ...(lang && { lang }) }, "start"),
    [load],
  );

  /**
   * Asks for `next` in place of what plays: a switch (the current audio plays on until the new one is whole)
   * when audio is playing, a fresh start while it is still loading or failed.
   */
  const change = useCallback(
    (next: Speech) => {
      const { status, speech, switchingTo } = latest.current.state;
      if (status !== "ready" || !speech) void load(next, "start");
      else if (!sameSpeech(next, speech)) void load(next, "switch");
      else if (switchingTo) {
        // Back to what is still playing: forget the switch under way.
        requestRef.current++;
        abortRef.current?.abort();
        setState((s) => ({ ...s, switchingTo: null, switchError: null }));
      }
    },
    [load, latest],
  );

  /** Re-casts the conversation playing; refuses (returns false) when a voice is not in the reader's tier. */
  const setSegments = useCallback(
    (segments: readonly SpeechSegment[]): boolean => {
      if (!segments.every((s) => isVoiceAllowed(s.voice, latest.current.tier))) return false;
      if (speechRef.current) change({ segments, lang: speechRef.current.lang });
      return true;
    },
    [change, latest],
  );

  /** Picks a voice; refuses (returns false) a voice the reader's tier does not include. */
  const setVoice = useCallback(
    (voice: string): boolean => {
      if (!isVoiceAllowed(voice, latest.current.tier)) return false;
      try {
        localStorage.setItem(PREFERRED_VOICE_KEY, voice);
      } catch {
        // Not remembered across visits; still used now.
      }
      const speech = speechRef.current;
      if (latest.current.state.status === "idle" || !speech || isConversation(speech)) setState((s) => ({ ...s, voice }));
      else change({ text: speech.text, voice, lang: speech.lang });
      return true;
    },
    [change, latest],
  );

  /**
   * After a stream failed midway: asks again. The API cached every chunk that completed, so the new stream
   * catches up fast; the player carries on from the word it had reached, as for a voice switch.
   */
  const resume = useCallback(() => {
    const speech = speechRef.current;
    if (speech) void load(speech, "resume");
  }, [load]);

  /**
   * The whole MP3 of the audio playing, from the tab's memory (L0) or IndexedDB (L1) — where a stream's single
   * file lands once it is complete — or null when it is not there (still streaming in).
   */
  const wholeAudio = useCallback(async (): Promise<Blob | null> => {
    const speech = speechRef.current;
    if (!speech) return null;
    const slot = speechMemorySlot(speech);
    const remembered = memory().get(slot.voice, slot.text);
    if (remembered) return remembered.audio;
    const key = await speechCacheKey(speech, DEFAULT_AUDIO_SETTINGS);
    return (
      (
        await diskAudioCache()
          ?.get(key)
          .catch(() => undefined)
      )?.audio ?? null
    );
  }, [memory]);

  const stop = useCallback(() => {
    requestRef.current++;
    abortRef.current?.abort();
    abortRef.current = null;
    speechRef.current = null;
    memoryRef.current?.clear();
    showFeed(null);
    setState((s) => idle(s.voice));
  }, [showFeed]);

  useEffect(
    () => () => {
      requestRef.current++;
      abortRef.current?.abort();
      memoryRef.current?.clear();
      feedRef.current?.close();
    },
    [],
  );

  return { ...state, start, startConversation, stop, setVoice, setSegments, resume, wholeAudio };
}
