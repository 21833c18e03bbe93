// The listening session's state and the one function that changes it (docs/architecture.md, "The listening
// session"). Every event the effects report carries the request it belongs to: an answer to a request that has
// since been replaced (another voice chosen, the player closed) changes nothing.
import type { Alignment } from "@/lib/alignment/types";
import type { SegmentTiming, Speech } from "@/lib/conversation/speech";

export type SessionStatus = "idle" | "loading" | "ready" | "error";

export interface SessionError {
  message: string;
  code: string;
  /** the HTTP status (0: no answer; 200: a stream that stopped after it had begun) */
  status: number;
}

/** Where the audio came from: the tab's memory (L0), IndexedDB (L1) or the API. */
export type AudioSource = "memory" | "disk" | "network";

/**
 * Where the player goes when this audio arrives: the top, a word of it ("Continue from", "Listen from here"),
 * or the word the audio before it had reached (a voice switch, a Retry: same text, so the same word).
 */
export type Cue = { at: "top" } | { at: "word"; word: number } | { at: "same-word" };

export interface SessionAudio {
  url: string;
  /** grows chunk by chunk while streaming */
  alignment: Alignment;
  /** what has arrived while streaming; the whole file's once complete */
  durationMs: number;
  voice: string;
  /** a conversation's segments as far as they have started (null for an article) */
  segments: SegmentTiming[] | null;
  /** set while the audio comes from /api/tts/stream (null for audio that came whole) */
  stream: { complete: boolean; expectedMs: number } | null;
  cue: Cue;
}

/** Which part of an article over the speech limit plays (client/listening/speech-parts.ts). */
export interface PartInfo {
  index: number;
  count: number;
  /** the article's words before this part: span `firstWord + n` is word n of the audio */
  firstWord: number;
  words: number;
  /** the whole article's words */
  totalWords: number;
}

export interface SessionState {
  status: SessionStatus;
  audio: SessionAudio | null;
  /** why the start failed (status "error") */
  error: SessionError | null;
  source: AudioSource | null;
  /** the article's voice playing, or asked for */
  voice: string;
  /** what plays, or is asked for: the article (its part) in `voice`, or a conversation */
  speech: Speech | null;
  part: PartInfo | null;
  /** another voice or cast being fetched while the current one keeps playing */
  switchingTo: Speech | null;
  /** why the last voice switch failed (the previous voice kept playing) */
  switchError: SessionError | null;
  /** the stream failed after audio had arrived: what arrived keeps playing, and retry() asks for the rest */
  streamError: SessionError | null;
  /** a retry() of the stream under way */
  retrying: boolean;
  /** how long the wait is expected to take (status "loading") */
  estimatedMs: number;
  startedAt: number;
  /** how many times the last part has been heard to its end (the up-next countdown follows it) */
  endings: number;
  /** the request whose answers count */
  request: number;
}

export type SessionEvent =
  | { type: "voice-chosen"; voice: string }
  | { type: "started"; request: number; speech: Speech; voice: string; part: PartInfo | null; estimatedMs: number; at: number }
  | { type: "switching"; request: number; speech: Speech }
  | { type: "switch-cancelled"; request: number }
  | { type: "retrying"; request: number }
  | { type: "audio"; request: number; audio: SessionAudio; source: AudioSource; speech: Speech; voice: string; part: PartInfo | null }
  | { type: "audio-grew"; request: number; audio: Omit<SessionAudio, "url" | "cue" | "voice"> }
  | { type: "failed"; request: number; error: SessionError }
  | { type: "stream-stopped"; request: number; error: SessionError }
  | { type: "ended" }
  | { type: "stopped"; request: number };

export function idleState(voice: string, request = 0): SessionState {
  return {
    status: "idle",
    audio: null,
    error: null,
    source: null,
    voice,
    speech: null,
    part: null,
    switchingTo: null,
    switchError: null,
    streamError: null,
    retrying: false,
    estimatedMs: 0,
    startedAt: 0,
    endings: 0,
    request,
  };
}

/** A request's speech, in place of whatever was before it (errors, a switch under way, a stream's reason). */
const asked = (event: { request: number; speech: Speech; voice: string; part: PartInfo | null }): SessionState => ({
  ...idleState(event.voice, event.request),
  speech: event.speech,
  part: event.part,
});

export function sessionReducer(state: SessionState, event: SessionEvent): SessionState {
  if ("request" in event && event.request < state.request) return state;
  switch (event.type) {
    case "voice-chosen":
      return { ...state, voice: event.voice };
    case "started":
      return { ...asked(event), status: "loading", estimatedMs: event.estimatedMs, startedAt: event.at };
    case "switching":
      return { ...state, request: event.request, switchingTo: event.speech, switchError: null, retrying: false };
    case "switch-cancelled":
      return { ...state, request: event.request, switchingTo: null, switchError: null, retrying: false };
    case "retrying":
      return { ...state, request: event.request, switchingTo: null, switchError: null, retrying: true };
    case "audio":
      return { ...asked(event), status: "ready", audio: event.audio, source: event.source, endings: state.endings };
    case "audio-grew":
      if (event.request !== state.request || !state.audio) return state;
      return { ...state, audio: { ...state.audio, ...event.audio } };
    case "failed":
      if (event.request !== state.request) return state;
      // What failed decides what is said: a start has nothing to play; a switch or a retry leaves the audio
      // that was playing as it was, with the reason beside it.
      if (state.retrying) return { ...state, retrying: false, streamError: event.error };
      if (state.switchingTo) return { ...state, switchingTo: null, switchError: event.error };
      return { ...state, status: "error", error: event.error, audio: null, source: null };
    case "stream-stopped":
      if (event.request !== state.request) return state;
      return { ...state, streamError: event.error, retrying: false };
    case "ended":
      return { ...state, endings: state.endings + 1 };
    case "stopped":
      return idleState(state.voice, event.request);
  }
}
