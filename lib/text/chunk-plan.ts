// The one chunk plan both /api/tts and /api/tts/stream synthesize (docs/architecture.md invariant 15). Chunk 0 is the
// article's opening, a sentence or two of at most OPENING_MAX_CHARS, so the first audio needs one short
// upstream call whatever the article's length; the rest is chunked as splitTTSChunks does on its own, so
// the edit-stability of its chunks (and their cache keys) is kept.
import { CHUNK_MAX_CHARS, openingEnd, splitTTSChunks, type TextChunk } from "./split-chunks";

/** Inworld's latency grows with the characters of a call: ~300 is one or two sentences of prose. */
export const OPENING_MAX_CHARS = 300;

export function planTTSChunks(text: string): TextChunk[] {
  const end = openingEnd(text, OPENING_MAX_CHARS);
  if (end === 0) return [];
  const start = text.length - text.trimStart().length;
  const rest = splitTTSChunks(text.slice(end), CHUNK_MAX_CHARS).map((chunk) => ({ text: chunk.text, offset: chunk.offset + end }));
  return [{ text: text.slice(start, end), offset: start }, ...rest];
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
 * One flat list of chunks for a whole conversation (spec 000, decision 3: the turns' chunks are synthesized as
 * one batch). A chunk never spans two segments, since it is spoken in one voice; the first segment keeps the
 * short opening chunk, so the first audio still needs one short upstream call. Each later segment is chunked
 * on its own, so a turn's chunks (and their cache keys) do not depend on its neighbours. A single article is
 * the conversation of one segment: the same chunks as planTTSChunks.
 */
export function planSpeech(segments: readonly VoicedText[]): SpeechPlan {
  const spans = segmentSpans(segments);
  const chunks = segments.flatMap(({ text, voiceId }, segment) => {
    const own = segment === 0 ? planTTSChunks(text) : splitTTSChunks(text, CHUNK_MAX_CHARS);
    return own.map((chunk) => ({ text: chunk.text, offset: chunk.offset + spans[segment].textOffset, voiceId, segment }));
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
