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
