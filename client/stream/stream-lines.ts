// The lines of POST /api/tts/stream (docs/architecture.md, "/api/tts and /api/tts/stream"), as the browser reads them.
import type { Alignment } from "@/lib/alignment/types";

export interface StreamStartLine {
  type: "start";
  voice: string;
  chunks: number;
  textLength: number;
  cache: "article-hit" | "chunk-hit" | null;
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
