// The lines of POST /api/tts/stream (docs/architecture.md, "/api/tts and /api/tts/stream"): the one definition the
// API writes (server/modules/tts/chunk-lines.ts) and the browser reads (client/listening/read-speech-stream.ts).
import type { Alignment } from "@/lib/alignment/types";

/** Where a stream's audio came from: the article cache, the chunk cache for every chunk, or synthesis (null). */
export type StreamCache = "article-hit" | "chunk-hit" | null;

export interface StreamStartLine {
  type: "start";
  /** the voice, or a conversation's first segment's voice */
  voice: string;
  chunks: number;
  textLength: number;
  cache: StreamCache;
  /** a conversation's segments, in order (docs/architecture.md "Conversations") */
  segments?: Array<{ voice: string; textOffset: number; textLength: number }>;
}

export interface StreamChunkLine {
  type: "chunk";
  index: number;
  textOffset: number;
  startMs: number;
  durationMs: number;
  /** bare MP3 frames: no ID3 tag, no Xing/Info frame */
  audioBase64: string;
  /** absolute times, from the start of the article */
  alignment: Alignment;
  /** a conversation's chunk: the index of its segment */
  segment?: number;
}

export interface StreamEndLine {
  type: "end";
  durationMs: number;
}

export interface StreamErrorLine {
  type: "error";
  error: string;
  code: string;
}

export type StreamLine = StreamStartLine | StreamChunkLine | StreamEndLine | StreamErrorLine;

const TYPES = new Set(["start", "chunk", "end", "error"]);

/** Narrows a parsed line; anything else is a protocol error, not something to guess at. */
export function asStreamLine(value: unknown): StreamLine {
  const type = (value as { type?: unknown } | null)?.type;
  if (typeof type !== "string" || !TYPES.has(type)) throw new TypeError(`not a stream line: ${JSON.stringify(value)?.slice(0, 80)}`);
  return value as StreamLine;
}
