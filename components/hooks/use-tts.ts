"use client";

import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { browserPorts } from "@/client/listening/browser-ports";
import { createListeningSession } from "@/client/listening/listening-session";
import { preferredVoice, rememberVoice } from "@/client/listening/preferred-voice";
import type { SpeechSegment } from "@/lib/conversation/speech";
import type { QuotaUsage } from "@/lib/quota/quota-usage";
import { DEFAULT_VOICE, isVoiceAllowed, type Tier } from "@/lib/voices";
import { useLatestRef } from "./use-latest-ref";

export type {
  AudioSource as TTSSource,
  SessionAudio as TTSAudio,
  SessionError as TTSError,
  SessionStatus as TTSStatus,
} from "@/client/listening/session-state";

export interface UseTTSOptions {
  tier: Tier;
  /** the server's X-TTS-Usage-* answer; `articleKey` when it served the article (and so counted it) */
  onUsage?: (usage: QuotaUsage, articleKey?: string) => void;
  /** where the player is, in seconds: a streamed article is buffered around it */
  playhead?: () => number;
  /** the most characters one request speaks (the API's TTS_MAX_TEXT_CHARS): a longer article plays in parts */
  maxSpeechChars?: number;
}

/**
 * The listening session (client/listening/listening-session.ts) as React state: an article's audio in the
 * chosen voice, from the nearest cache that has it, streamed or whole, in parts when it is long. The session
 * owns every Blob URL it hands out: stop() and unmount revoke them all.
 */
export function useTTS({ tier, onUsage, playhead, maxSpeechChars }: UseTTSOptions) {
  const latest = useLatestRef({ tier, onUsage, playhead });
  const [session] = useState(() =>
    createListeningSession({
      voice: DEFAULT_VOICE,
      maxChars: maxSpeechChars,
      ports: browserPorts({
        playhead: () => latest.current.playhead?.() ?? 0,
        onUsage: (usage, key) => latest.current.onUsage?.(usage, key),
      }),
    }),
  );
  const state = useSyncExternalStore(session.subscribe, session.getState, session.getState);
  useEffect(() => () => session.stop(), [session]);

  /**
   * Listens to the article's text from its word `startWord` (null: the top), in its language (`lang`, a BCP 47
   * tag; English when absent) and the reader's voice for it.
   */
  const start = useCallback(
    (text: string, startWord: number | null = null, lang?: string) =>
      session.start({ text, voice: preferredVoice(latest.current.tier, lang), ...(lang && { lang }) }, startWord),
    [session, latest],
  );

  /** Listens to a conversation: its turns as segments, each in its speaker's voice. */
  const startConversation = useCallback(
    (segments: readonly SpeechSegment[], startWord: number | null = null, lang?: string) =>
      session.start({ segments, ...(lang && { lang }) }, startWord),
    [session],
  );

  /** Re-casts the conversation playing; refuses (returns false) when a voice is not in the reader's tier. */
  const setSegments = useCallback(
    (segments: readonly SpeechSegment[]): boolean => {
      if (!segments.every((s) => isVoiceAllowed(s.voice, latest.current.tier))) return false;
      const speech = session.getState().speech;
      if (speech) session.change({ segments, ...(speech.lang && { lang: speech.lang }) });
      return true;
    },
    [session, latest],
  );

  /** Picks a voice; refuses (returns false) a voice the reader's tier does not include. */
  const setVoice = useCallback(
    (voice: string): boolean => {
      if (!isVoiceAllowed(voice, latest.current.tier)) return false;
      rememberVoice(voice);
      session.chooseVoice(voice);
      return true;
    },
    [session, latest],
  );

  return {
    ...state,
    start,
    startConversation,
    setVoice,
    setSegments,
    stop: session.stop,
    retry: session.retry,
    ended: session.ended,
    wholeAudio: session.wholeAudio,
  };
}

export type TTS = ReturnType<typeof useTTS>;
