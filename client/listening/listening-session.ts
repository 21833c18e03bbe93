// The listening session (docs/architecture.md, "The listening session"): what plays, in which voice, from where
// (L0 → L1 → the API, docs/architecture.md "Cache tiers"), streamed or whole, and what happens when a request fails, a voice
// is switched, a stream stops midway or a part ends. A plain object over small ports (session-ports.ts); its
// state changes only through sessionReducer. React adapts it in components/hooks/use-tts.ts.
import type { Alignment } from "@/lib/alignment/types";
import { isConversation, sameSpeech, speechBody, speechCacheKey, speechMemorySlot, type SegmentTiming, type Speech } from "@/lib/conversation/speech";
import { decodeBase64 } from "@/client/stream/decode-base64";
import type { MediaSourceFeed } from "@/client/stream/media-source-feed";
import { DEFAULT_AUDIO_SETTINGS } from "@/lib/text/cache-key";
import { OPENING_MAX_CHARS } from "@/lib/text/chunk-plan";
import type { SessionPorts } from "./session-ports";
import { idleState, sessionReducer, type AudioSource, type Cue, type PartInfo, type SessionEvent, type SessionState } from "./session-state";
import { estimateGenerationMs, networkError, readError, readUsage } from "./speech-request";
import { readSpeechStream } from "./read-speech-stream";
import { partOfWord, splitSpeechText, type SpeechPart } from "./speech-parts";

export interface ListeningSessionOptions {
  ports: SessionPorts;
  voice: string;
  /** the most characters one request may speak: a longer article plays in parts */
  maxChars?: number;
}

export interface ListeningSession {
  getState(): SessionState;
  subscribe(listener: () => void): () => void;
  /** Listens to `speech` from its word `startWord` (null: the top); an article over the limit plays in parts. */
  start(speech: Speech, startWord?: number | null): void;
  /** Another voice for the article, remembered for the next start when nothing plays. */
  chooseVoice(voice: string): void;
  /** `next` in place of what plays: a switch (what plays goes on until it is whole), or a new start while loading. */
  change(next: Speech): void;
  /** Asks again after a failure: the start that failed, or the rest of a stream that stopped (from the same word). */
  retry(): void;
  /** The player reached the end of the audio: the next part starts, or the article has ended. */
  ended(): void;
  /** Stops, forgets the tab's audio (revoking its URLs) and goes idle. */
  stop(): void;
  /** The whole MP3 of what plays, from L0 or L1 (where a stream's file lands once complete), or null. */
  wholeAudio(): Promise<Blob | null>;
}

type Mode = "start" | "switch" | "retry";
type WholeAudio = { audio: Blob; alignment: Alignment; durationMs: number; segments?: SegmentTiming[] };

const speechLength = (speech: Speech) => (isConversation(speech) ? speech.segments.reduce((n, s) => n + s.text.length, 0) : speech.text.length);
const openingLength = (speech: Speech) => (isConversation(speech) ? (speech.segments[0]?.text.length ?? 0) : speech.text.length);

export function createListeningSession({ ports, voice, maxChars }: ListeningSessionOptions): ListeningSession {
  let state = idleState(voice);
  const listeners = new Set<() => void>();
  let request = 0;
  let controller: AbortController | null = null;
  // The MediaSource behind the audio shown, when it came from a stream (its URL is not in L0).
  let shownFeed: MediaSourceFeed | null = null;
  // An article over the limit: its parts, and where the start asked to begin (kept for a retry or a new voice).
  let parts: SpeechPart[] = [];
  let startCue: Cue = { at: "top" };

  const dispatch = (event: SessionEvent) => {
    const next = sessionReducer(state, event);
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener();
  };
  const showFeed = (feed: MediaSourceFeed | null) => {
    if (shownFeed !== feed) shownFeed?.close();
    shownFeed = feed;
  };
  const newRequest = () => {
    controller?.abort();
    controller = null;
    return ++request;
  };
  const partInfo = (index: number): PartInfo | null => {
    if (parts.length < 2) return null;
    const last = parts[parts.length - 1];
    return { index, count: parts.length, firstWord: parts[index].firstWord, words: parts[index].words, totalWords: last.firstWord + last.words };
  };
  const keep = (speech: Speech, whole: WholeAudio): string => {
    const slot = speechMemorySlot(speech);
    const url = ports.objectUrl(whole.audio);
    ports.memory.set(slot.voice, slot.text, { blobUrl: url, ...whole });
    return url;
  };

  async function load(speech: Speech, mode: Mode, cue: Cue, part: PartInfo | null) {
    const id = newRequest();
    const current = () => id === request;
    // A conversation leaves the article's voice as it was: it is what Listen without the conversation uses.
    const voice = isConversation(speech) ? state.voice : speech.voice;
    const segmentsOf = (stored: { segments?: SegmentTiming[] }) => (isConversation(speech) ? (stored.segments ?? null) : null);
    const show = (whole: WholeAudio, url: string, source: AudioSource) => {
      showFeed(null);
      const audio = { url, alignment: whole.alignment, durationMs: whole.durationMs, voice, segments: segmentsOf(whole), stream: null, cue };
      dispatch({ type: "audio", request: id, audio, source, speech, voice, part });
    };

    const slot = speechMemorySlot(speech);
    const remembered = ports.memory.get(slot.voice, slot.text);
    if (remembered) return show(remembered, remembered.blobUrl, "memory");
    // A voice switch keeps the current voice playing until the new one is whole, then carries on from the
    // same word: that needs the new voice's timeline to that word, so it takes the single response.
    const streaming = mode !== "switch" && ports.feeds !== null;
    if (mode === "start") {
      showFeed(null);
      // Streaming, the wait is for the opening chunk only, whatever the article's length.
      const waitFor = streaming ? Math.min(openingLength(speech), OPENING_MAX_CHARS) : speechLength(speech);
      dispatch({ type: "started", request: id, speech, voice, part, estimatedMs: estimateGenerationMs(waitFor), at: ports.clock.now() });
    } else dispatch(mode === "switch" ? { type: "switching", request: id, speech } : { type: "retrying", request: id });

    const key = await speechCacheKey(speech, DEFAULT_AUDIO_SETTINGS);
    const saved = await ports.disk?.get(key).catch(() => undefined);
    if (!current()) return;
    if (saved) return show(saved, keep(speech, saved), "disk");

    const abort = new AbortController();
    controller = abort;
    const save = (whole: WholeAudio) => {
      keep(speech, whole);
      void ports.disk?.put(key, whole).catch(() => undefined);
    };
    const refuse = async (res: Response) => {
      const usage = readUsage(res);
      const error = await readError(res);
      if (usage) ports.onUsage(usage);
      dispatch({ type: "failed", request: id, error });
    };

    const single = async () => {
      const res = await ports.post("/api/tts", speechBody(speech), abort.signal);
      if (!res.ok) return refuse(res);
      const usage = readUsage(res);
      const body = (await res.json()) as { audioBase64: string; alignment: Alignment; durationMs: number; segments?: SegmentTiming[] };
      if (!current()) return;
      if (usage) ports.onUsage(usage, key);
      const segments = body.segments?.map(({ voice: v, startMs }) => ({ voice: v, startMs }));
      const whole = {
        audio: new Blob([decodeBase64(body.audioBase64)], { type: "audio/mpeg" }),
        alignment: body.alignment,
        durationMs: body.durationMs,
      };
      const stored = segmentsOf({ segments }) ? { ...whole, segments } : whole;
      show(stored, keep(speech, stored), "network");
      void ports.disk?.put(key, stored).catch(() => undefined);
    };

    // The first chunk plays while the rest is generated: each chunk's frames go into a MediaSource at its place
    // on the timeline (docs/architecture.md, "The path of a listen").
    const stream = async () => {
      const res = await ports.post("/api/tts/stream", speechBody(speech), abort.signal);
      // An API from before streaming: the single response it is.
      if (res.status === 404) return single();
      if (!res.ok || !res.body) return refuse(res);
      const usage = readUsage(res);
      if (usage) ports.onUsage(usage, key);
      await readSpeechStream(res.body, {
        ports,
        abort,
        current,
        conversation: isConversation(speech),
        onAudio(feed, audio) {
          if (shownFeed === feed) return dispatch({ type: "audio-grew", request: id, audio });
          showFeed(feed);
          dispatch({ type: "audio", request: id, audio: { ...audio, url: feed.url, voice, cue }, source: "network", speech, voice, part });
        },
        onComplete: save,
        onStopped: (error, arrived) => dispatch({ type: arrived ? "stream-stopped" : "failed", request: id, error }),
      });
    };

    try {
      await (streaming ? stream() : single());
    } catch (cause) {
      if (abort.signal.aborted) return;
      dispatch({ type: "failed", request: id, error: networkError(cause) });
    } finally {
      if (controller === abort) controller = null;
    }
  }

  const session: ListeningSession = {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    start(speech, startWord = null) {
      if (isConversation(speech)) {
        parts = [];
        startCue = startWord === null ? { at: "top" } : { at: "word", word: startWord };
        return void load(speech, "start", startCue, null);
      }
      parts = splitSpeechText(speech.text, maxChars);
      const index = startWord === null || parts.length === 0 ? 0 : partOfWord(parts, startWord);
      const part = parts[index];
      startCue = startWord === null || !part ? { at: "top" } : { at: "word", word: Math.max(0, startWord - part.firstWord) };
      // An article of one part is sent as it came, so its caches' keys are the ones they always were.
      const text = parts.length > 1 ? part.text : speech.text;
      // Whatever else the speech carries (its language, say) goes with every part.
      void load({ ...speech, text }, "start", startCue, partInfo(index));
    },
    chooseVoice(next) {
      const { status, speech } = state;
      if (status === "idle" || !speech || isConversation(speech)) dispatch({ type: "voice-chosen", voice: next });
      else session.change({ ...speech, voice: next });
    },
    change(next) {
      const { status, speech, switchingTo } = state;
      if (status !== "ready" || !speech) void load(next, "start", startCue, state.part);
      else if (!sameSpeech(next, speech)) void load(next, "switch", { at: "same-word" }, state.part);
      else if (switchingTo) dispatch({ type: "switch-cancelled", request: newRequest() });
    },
    retry() {
      const { status, speech, streamError } = state;
      if (!speech) return;
      if (status === "error") void load(speech, "start", startCue, state.part);
      else if (streamError) void load(speech, "retry", { at: "same-word" }, state.part);
    },
    ended() {
      const { part, speech } = state;
      if (!part || !speech || isConversation(speech) || part.index + 1 >= parts.length) return dispatch({ type: "ended" });
      startCue = { at: "top" };
      void load({ ...speech, text: parts[part.index + 1].text }, "start", startCue, partInfo(part.index + 1));
    },
    stop() {
      const id = newRequest();
      parts = [];
      ports.memory.clear();
      showFeed(null);
      dispatch({ type: "stopped", request: id });
    },
    async wholeAudio() {
      const speech = state.speech;
      if (!speech) return null;
      const slot = speechMemorySlot(speech);
      const remembered = ports.memory.get(slot.voice, slot.text);
      if (remembered) return remembered.audio;
      const key = await speechCacheKey(speech, DEFAULT_AUDIO_SETTINGS);
      return (await ports.disk?.get(key).catch(() => undefined))?.audio ?? null;
    },
  };
  return session;
}
