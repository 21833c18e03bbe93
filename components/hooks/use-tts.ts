"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { Alignment } from "@/lib/alignment/types";

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
}

export interface TTSUsage {
  count: number;
  limit: number;
}

interface TTSResponse {
  audioBase64: string;
  alignment: Alignment;
  durationMs: number;
}

interface TTSState {
  status: TTSStatus;
  audio: TTSAudio | null;
  error: TTSError | null;
  usage: TTSUsage | null;
  /** how long generation is expected to take, from the text length (the API answers in one piece) */
  estimatedMs: number;
  startedAt: number;
}

const IDLE: TTSState = { status: "idle", audio: null, error: null, usage: null, estimatedMs: 0, startedAt: 0 };

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
  const count = res.headers.get("X-TTS-Usage-Count");
  const limit = res.headers.get("X-TTS-Usage-Limit");
  return count && limit ? { count: Number(count), limit: Number(limit) } : null;
}

/** Fetches an article's audio and alignment from /api/tts and owns the Blob URL the player plays. */
export function useTTS() {
  const [state, setState] = useState<TTSState>(IDLE);
  const abortRef = useRef<AbortController | null>(null);
  const urlRef = useRef<string | null>(null);

  const release = useCallback(() => {
    abortRef.current?.abort();
    abortRef.current = null;
    if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    urlRef.current = null;
  }, []);

  const stop = useCallback(() => {
    release();
    setState(IDLE);
  }, [release]);

  const start = useCallback(
    async (text: string, voice?: string) => {
      release();
      const controller = new AbortController();
      abortRef.current = controller;
      setState({ ...IDLE, status: "loading", estimatedMs: estimateGenerationMs(text.length), startedAt: Date.now() });
      try {
        const res = await fetch("/api/tts", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(voice ? { text, voice } : { text }),
          signal: controller.signal,
        });
        if (!res.ok) {
          const error = await readError(res);
          if (!controller.signal.aborted) setState({ ...IDLE, status: "error", error });
          return;
        }
        const body = (await res.json()) as TTSResponse;
        if (controller.signal.aborted) return;
        const url = URL.createObjectURL(new Blob([decodeBase64(body.audioBase64)], { type: "audio/mpeg" }));
        urlRef.current = url;
        abortRef.current = null;
        setState({
          ...IDLE,
          status: "ready",
          usage: readUsage(res),
          audio: { url, alignment: body.alignment, durationMs: body.durationMs },
        });
      } catch (cause) {
        if (controller.signal.aborted) return;
        const message = cause instanceof Error && cause.message ? cause.message : String(cause);
        setState({
          ...IDLE,
          status: "error",
          error: { status: 0, code: "NETWORK_ERROR", message: `Could not reach the voice service (${message}).` },
        });
      }
    },
    [release],
  );

  useEffect(() => release, [release]);

  return { ...state, start, stop };
}
