// The one chunk plan both /api/tts and /api/tts/stream synthesize (docs/architecture.md invariant 15).
//
// Chunk 0 is the article's opening, a sentence or two of at most OPENING_MAX_CHARS (a heading takes the sentence
// after it along), so the first audio needs one short upstream call whatever the article's length. The chunks after it grow (the "ramp") so that each is ready
// before the audio ahead of it has played, and the listener never waits after the first word: chunk k holds at
// most RAMP_GROWTH times the characters planned before it, until that bound reaches the full CHUNK_MAX_CHARS; from there on the text is chunked as splitTTSChunks does on its own, so the chunks after
// the ramp keep their edit-stability (and their cache keys). The ramp spans the first ~500–1,500 characters.
//
// Where RAMP_GROWTH comes from (README, "How the stream stays ahead of the listener"). A character already planned
// plays for SPEECH_MS_PER_CHAR / FASTEST_RATE; the slowest voice we run makes SYNTHESIS_MS_PER_CHAR of it in that
// time. Chunks arrive in order, one after another at worst (the local voice shares two cores among every chunk in
// flight), so chunk k, made while the chunks before it play, fits when SYNTHESIS × (planned + c_k) ≤ SPEECH /
// RATE × planned, that is c_k ≤ (SPEECH / RATE / SYNTHESIS − 1) × planned. (Chunk 1 starts with chunk 0, three
// being in flight from the start, so it has chunk 0's own upstream time too: more room than this counts.)
import { CHUNK_MAX_CHARS, leadingChunkEnd, openingEnd, skipWhitespace, splitTTSChunks, type TextChunk } from "./split-chunks";

/** Inworld's latency grows with the characters of a call: ~300 is one or two sentences of prose. */
export const OPENING_MAX_CHARS = 300;
/**
 * An opening paragraph shorter than this (a heading, a dateline: a second of audio) is too little to make the next
 * chunk behind: the opening then runs on to the last sentence end within OPENING_REACH_CHARS (a clause or word end
 * when no sentence ends between the two).
 */
export const OPENING_MIN_CHARS = 60;
export const OPENING_REACH_CHARS = 150;

/** Audio per character of the fastest speaker we run: the local voice measures 59–61 ms, Inworld's voices ~65. */
export const SPEECH_MS_PER_CHAR = 55;
/** The fastest playback rate the plan keeps ahead of (the player offers more; from 2× on a wait can happen). */
export const FASTEST_RATE = 2;
/**
 * Upstream time per character of the slowest voice: the local voice behind the API on two cores, with two chunks
 * sharing them, measures 3.5 ms (Inworld: 1–3 s for a full chunk, under 1.7 ms); 5 leaves room for the browser
 * and the web app on the same machine.
 */
export const SYNTHESIS_MS_PER_CHAR = 5;
/** How many times the characters planned so far the next chunk may hold: 4. */
export const RAMP_GROWTH = Math.floor(SPEECH_MS_PER_CHAR / FASTEST_RATE / SYNTHESIS_MS_PER_CHAR) - 1;
/** The most chunk k may hold when `planned` characters come before it: the full size once the ramp is over. */
export function rampLimit(planned: number): number {
  return Math.min(CHUNK_MAX_CHARS, RAMP_GROWTH * planned);
}

/**
 * Chunks `text` (one segment) after `planned` characters of earlier chunks: its opening first when `opening`, then
 * ramp chunks while the bound is under the full size, then splitTTSChunks for the rest. Offsets are in `text`.
 */
function planStretch(text: string, planned: number, opening: boolean): { chunks: TextChunk[]; planned: number } {
  const chunks: TextChunk[] = [];
  let from = skipWhitespace(text, 0);
  const add = (end: number) => {
    chunks.push({ text: text.slice(from, end), offset: from });
    planned += end - from;
    from = skipWhitespace(text, end);
  };
  if (opening && from < text.length) {
    const end = openingEnd(text, OPENING_MAX_CHARS);
    add(end - from >= OPENING_MIN_CHARS ? end : leadingChunkEnd(text, from, OPENING_REACH_CHARS, OPENING_MIN_CHARS));
  }
  for (let limit = rampLimit(planned); limit < CHUNK_MAX_CHARS && from < text.length; limit = rampLimit(planned)) {
    add(leadingChunkEnd(text, from, limit));
  }
  for (const chunk of splitTTSChunks(text.slice(from), CHUNK_MAX_CHARS)) chunks.push({ text: chunk.text, offset: chunk.offset + from });
  return { chunks, planned };
}

export function planTTSChunks(text: string): TextChunk[] {
  return planStretch(text, 0, true).chunks;
}

/** One stretch of cleaned text and the voice that speaks it: a whole article, or one turn of a conversation. */
export interface VoicedText {
  text: string;
  voiceId: string;
}

/** A chunk of the spoken text, with the voice that speaks it and the segment it belongs to. */
export interface VoicedChunk extends TextChunk {
  voiceId: string;
  segment: number;
}

/** Where a segment's own text sits in the spoken text (the separator before it not included). */
export interface SegmentSpan {
  voiceId: string;
  textOffset: number;
  textLength: number;
}

export interface SpeechPlan {
  /** what is spoken: the segments' texts joined with SEGMENT_SEPARATOR */
  text: string;
  chunks: VoicedChunk[];
  segments: SegmentSpan[];
}

/** Between two segments, as between two paragraphs: the chunker and the reader's text walk both see a paragraph break. */
export const SEGMENT_SEPARATOR = "\n\n";

/**
 * One flat list of chunks for a whole conversation (the turns' chunks are synthesized as one batch:
 * docs/architecture.md, "Parallel synthesis"). A chunk never spans two segments, since it is spoken in one
 * voice; the first segment keeps the short opening, so the first audio still needs one short upstream call, and
 * the ramp goes on across the first turns until it reaches the full size (a long turn after a short one must not
 * keep the listener waiting). Every
 * later segment is chunked on its own, so its chunks (and their cache keys) do not depend on its neighbours. A
 * single article is the conversation of one segment: the same chunks as planTTSChunks.
 */
export function planSpeech(segments: readonly VoicedText[]): SpeechPlan {
  const spans = segmentSpans(segments);
  let planned = 0;
  const chunks = segments.flatMap(({ text, voiceId }, segment) => {
    const stretch = planStretch(text, planned, segment === 0);
    planned = stretch.planned;
    return stretch.chunks.map((chunk) => ({ text: chunk.text, offset: chunk.offset + spans[segment].textOffset, voiceId, segment }));
  });
  return { text: segments.map((s) => s.text).join(SEGMENT_SEPARATOR), chunks, segments: spans };
}

/** Where each segment's text sits once they are joined with SEGMENT_SEPARATOR. */
export function segmentSpans(segments: readonly VoicedText[]): SegmentSpan[] {
  let offset = -SEGMENT_SEPARATOR.length;
  return segments.map(({ text, voiceId }) => {
    offset += SEGMENT_SEPARATOR.length;
    const span = { voiceId, textOffset: offset, textLength: text.length };
    offset += text.length;
    return span;
  });
}
