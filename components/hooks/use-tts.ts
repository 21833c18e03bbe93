"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { Alignment } from "@/lib/alignment/types";
import { createVoiceCache, type VoiceCache } from "@/lib/client-cache/voice-cache";
import { DEFAULT_AUDIO_SETTINGS, articleCacheKey } from "@/lib/text/cache-key";
import { DEFAULT_VOICE, isVoiceAllowed, type Tier } from "@/lib/voices";
import { diskAudioCache } from "./tts-disk-cache";

export type TTSStatus = "idle" | "loading" | "ready" | "error";

export interface TTSError {
  message: string;
  code: string;
  status: number;
}

export interface TTSAudio {
  url: string;
  alignment: Alignment;
  durationMs: number;
  voice: string;
}

export interface TTSUsage {
  count: number;
  limit: number;
}

/** Where the audio came from: the tab's memory (L0), IndexedDB (L1) or the API. */
export type TTSSource = "memory" | "disk" | "network";

interface TTSResponse {
  audioBase64: string;
  alignment: Alignment;
  durationMs: number;
}

interface TTSState {
  status: TTSStatus;
  audio: TTSAudio | null;
  error: TTSError | null;
  source: TTSSource | null;
  /** the voice playing, or asked for */
  voice: string;
  /** a voice being fetched while the current one keeps playing */
  switchingTo: string | null;
  /** why the last voice switch failed (the previous voice kept playing) */
  switchError: TTSError | null;
  /** how long generation is expected to take, from the text length (the API answers in one piece) */
  estimatedMs: number;
  startedAt: number;
}

export interface UseTTSOptions {
  tier: Tier;
  /** the server's X-TTS-Usage-* answer; `articleKey` when it served the article (and so counted it) */
  onUsage?: (usage: TTSUsage, articleKey?: string) => void;
}

const PREFERRED_VOICE_KEY = "listen:voice";

// The API synthesises ~1800-character chunks three at a time; a cached article comes back at once, but a
// fresh one takes roughly one upstream round per three chunks.
const CHUNK_CHARS = 1800;
const CHUNK_CONCURRENCY = 3;
const ROUND_MS = 4000;

export function estimateGenerationMs(textLength: number): number {
  const rounds = Math.ceil(Math.ceil(textLength / CHUNK_CHARS) / CHUNK_CONCURRENCY);
  return 1000 + rounds * ROUND_MS;
}

function decodeBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function readError(res: Response): Promise<TTSError> {
  const body = (await res.json().catch(() => null)) as { error?: unknown; code?: unknown } | null;
  return {
    status: res.status,
    code: typeof body?.code === "string" ? body.code : "HTTP_" + res.status,
    message:
      typeof body?.error === "string" && body.error
        ? body.error
        : `The voice service answered ${res.status}. Please try again.`,
  };
}

function readUsage(res: Response): TTSUsage | null {
  const count = Number(res.headers.get("X-TTS-Usage-Count") ?? NaN);
  const limit = Number(res.headers.get("X-TTS-Usage-Limit") ?? NaN);
  return Number.isFinite(count) && Number.isFinite(limit) ? { count, limit } : null;
}

function networkError(cause: unknown): TTSError {
  const message = cause instanceof Error && cause.message ? cause.message : String(cause);
  return { status: 0, code: "NETWORK_ERROR", message: `Could not reach the voice service (${message}).` };
}

function preferredVoice(tier: Tier): string {
  try {
    const saved = localStorage.getItem(PREFERRED_VOICE_KEY);
    if (saved && isVoiceAllowed(saved, tier)) return saved;
  } catch {
    // Storage can be off (privacy settings): the default voice it is.
  }
  return DEFAULT_VOICE;
}

function idle(voice: string): TTSState {
  return {
    status: "idle",
    audio: null,
    error: null,
    source: null,
    voice,
    switchingTo: null,
    switchError: null,
    estimatedMs: 0,
    startedAt: 0,
  };
}

/**
 * An article's audio in the chosen voice, from the nearest cache that has it (spec: Cache Hierarchy, L0 → L1
 * → API). Owns every Blob URL it hands out: stop() and unmount revoke them all.
 */
export function useTTS({ tier, onUsage }: UseTTSOptions) {
  const [state, setState] = useState<TTSState>(() => idle(DEFAULT_VOICE));
  const abortRef = useRef<AbortController | null>(null);
  const requestRef = useRef(0);
  const textRef = useRef<string | null>(null);
  const memoryRef = useRef<VoiceCache | null>(null);
  const latest = useRef({ tier, onUsage, state });
  useEffect(() => {
    latest.current = { tier, onUsage, state };
  });

  const memory = useCallback(() => (memoryRef.current ??= createVoiceCache((url) => URL.revokeObjectURL(url))), []);

  const load = useCallback(
    async (text: string, voice: string, mode: "start" | "switch") => {
      const request = ++requestRef.current;
      abortRef.current?.abort();
      abortRef.current = null;
      textRef.current = text;
      const ready = (audio: Omit<TTSAudio, "voice">, source: TTSSource) =>
        setState({ ...idle(voice), status: "ready", audio: { ...audio, voice }, source });

      const remembered = memory().get(voice, text);
      if (remembered) {
        ready({ url: remembered.blobUrl, alignment: remembered.alignment, durationMs: remembered.durationMs }, "memory");
        return;
      }
      if (mode === "start") {
        setState({ ...idle(voice), status: "loading", estimatedMs: estimateGenerationMs(text.length), startedAt: Date.now() });
      } else {
        setState((s) => ({ ...s, switchingTo: voice, switchError: null }));
      }
      const fail = (error: TTSError) => {
        if (request !== requestRef.current) return;
        abortRef.current = null;
        if (mode === "start") setState({ ...idle(voice), status: "error", error });
        else setState((s) => ({ ...s, switchingTo: null, switchError: error }));
      };
      const keep = (audio: Blob, alignment: Alignment, durationMs: number, source: TTSSource) => {
        const url = URL.createObjectURL(audio);
        memory().set(voice, text, { blobUrl: url, alignment, durationMs });
        ready({ url, alignment, durationMs }, source);
      };

      const key = await articleCacheKey({ text, voiceId: voice, settings: DEFAULT_AUDIO_SETTINGS });
      const disk = diskAudioCache();
      const saved = await disk?.get(key).catch(() => undefined);
      if (request !== requestRef.current) return;
      if (saved) {
        keep(saved.audio, saved.alignment, saved.durationMs, "disk");
        return;
      }

      const controller = new AbortController();
      abortRef.current = controller;
      try {
        const res = await fetch("/api/tts", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ text, voice }),
          signal: controller.signal,
        });
        const usage = readUsage(res);
        if (!res.ok) {
          const error = await readError(res);
          if (usage) latest.current.onUsage?.(usage);
          fail(error);
          return;
        }
        const body = (await res.json()) as TTSResponse;
        if (request !== requestRef.current) return;
        abortRef.current = null;
        const audio = new Blob([decodeBase64(body.audioBase64)], { type: "audio/mpeg" });
        if (usage) latest.current.onUsage?.(usage, key);
        keep(audio, body.alignment, body.durationMs, "network");
        void disk?.put(key, { audio, alignment: body.alignment, durationMs: body.durationMs }).catch(() => undefined);
      } catch (cause) {
        if (controller.signal.aborted) return;
        fail(networkError(cause));
      }
    },
    [memory],
  );

  const start = useCallback(
    (text: string) => load(text, preferredVoice(latest.current.tier), "start"),
    [load],
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
      const { status, voice: current, switchingTo } = latest.current.state;
      const text = textRef.current;
      if (status === "idle" || !text) setState((s) => ({ ...s, voice }));
      else if (status !== "ready") void load(text, voice, "start");
      else if (voice !== current) void load(text, voice, "switch");
      else if (switchingTo) {
        // Back to the voice still playing: forget the switch under way.
        requestRef.current++;
        abortRef.current?.abort();
        setState((s) => ({ ...s, switchingTo: null, switchError: null }));
      }
      return true;
    },
    [load],
  );

  const stop = useCallback(() => {
    requestRef.current++;
    abortRef.current?.abort();
    abortRef.current = null;
    textRef.current = null;
    memoryRef.current?.clear();
    setState((s) => idle(s.voice));
  }, []);

  useEffect(
    () => () => {
      requestRef.current++;
      abortRef.current?.abort();
      memoryRef.current?.clear();
    },
    [],
  );

  return { ...state, start, stop, setVoice };
}
