// What Listen asks the API to read: an article in one voice, or a conversation with a voice per turn
// (docs/architecture.md "Conversations"). The request body, both client caches' keys and the cast a conversation
// is spoken with all come from here, so the stream, the single response, L0 and L1 agree on what "the same" is.
import { articleCacheKey, conversationCacheKey, type AudioSettings } from "../text/cache-key";
import { DEFAULT_LANGUAGE } from "../voices";
import type { DetectedConversation } from "./detect-turns";

export interface SpeechSegment {
  text: string;
  voice: string;
}

/** `lang`: the article's language (a BCP 47 primary subtag); the API's default, English, when absent. */
export type Speech = ({ text: string; voice: string } | { segments: readonly SpeechSegment[] }) & { lang?: string };

/** Where a segment's audio starts, as the API answered it (or as the stream's chunk lines told it). */
export interface SegmentTiming {
  voice: string;
  startMs: number;
}

export function isConversation(speech: Speech): speech is { segments: readonly SpeechSegment[]; lang?: string } {
  return "segments" in speech;
}

/** The JSON body of POST /api/tts and /api/tts/stream. */
export function speechBody(speech: Speech): Speech {
  const body = isConversation(speech) ? { segments: speech.segments } : { text: speech.text, voice: speech.voice };
  return speech.lang === undefined ? body : { ...body, lang: speech.lang };
}

/** L1's key: the server's own article or conversation key (lib/text/cache-key.ts), so both name the same audio. */
export function speechCacheKey(speech: Speech, settings: AudioSettings): Promise<string> {
  const lang = speech.lang ?? DEFAULT_LANGUAGE;
  if (!isConversation(speech)) return articleCacheKey({ text: speech.text, voiceId: speech.voice, lang, settings });
  return conversationCacheKey({ segments: speech.segments.map((s) => ({ text: s.text, voiceId: s.voice })), lang, settings });
}

/**
 * L0 keeps one entry per voice and text (client/audio-cache/tab-audio-cache.ts): a conversation's "voice" is its
 * whole cast, turn by turn, and its text every turn's, so another cast never answers for this one.
 */
export function speechMemorySlot(speech: Speech): { voice: string; text: string } {
  if (!isConversation(speech)) return { voice: speech.voice, text: speech.text };
  return {
    voice: JSON.stringify(["conversation", ...speech.segments.map((s) => s.voice)]),
    text: JSON.stringify(speech.segments.map((s) => s.text)),
  };
}

export function sameSpeech(a: Speech, b: Speech): boolean {
  const x = speechMemorySlot(a);
  const y = speechMemorySlot(b);
  return x.voice === y.voice && x.text === y.text;
}

/** The segments to request: each turn's words in its speaker's voice (`cast[speaker]`). */
export function conversationSpeech(conversation: Pick<DetectedConversation, "turns">, cast: readonly string[]): { segments: SpeechSegment[] } {
  return { segments: conversation.turns.map((t) => ({ text: t.text, voice: cast[t.speaker] })) };
}

/** The voice of each speaker in `speech` (the inverse of conversationSpeech); null for an article. */
export function castOf(conversation: Pick<DetectedConversation, "turns" | "speakers">, speech: Speech): string[] | null {
  if (!isConversation(speech) || speech.segments.length !== conversation.turns.length) return null;
  const cast = conversation.speakers.map(() => "");
  conversation.turns.forEach((t, i) => (cast[t.speaker] ||= speech.segments[i].voice));
  return cast;
}

/** The segment playing at `ms`: the last one started by then (-1 before the first has arrived). */
export function segmentAt(segments: readonly SegmentTiming[], ms: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (segments[mid].startMs <= ms) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
