// The stream's lines (docs/architecture.md "Streaming: POST /api/tts/stream"): chunks arrive in any order, lines leave in
// text order, chunk k the moment it and every chunk before it are there. Each chunk line carries the chunk's
// share of what /api/tts answers for the same plan (invariant 15): its bare MP3 frames (the frames concatMp3
// copies) and its stretch of the merged timeline (partAlignment, which mergeAlignments joins), so the player's
// appended frames and joined characters are the single response's, frame for frame and character for character.
//
// A line's characters run from where the previous chunk's text ended to where its own ends (the last line to
// the end of the text): the whitespace between chunks opens the chunk after it, and `textOffset` is the offset
// of the line's first character, so the lines' characters joined are exactly the cleaned text.
//
// A conversation's lines also say which segment each chunk belongs to (`segment`), and its start line lists the
// segments: a segment starts at its first chunk's `startMs` and lasts its chunks' `durationMs`, the numbers the
// single response's `segments` carry.
import { partAlignment } from "./merge-alignments";
import { audioFrameRuns, framesDurationMs } from "@/lib/mp3";
import type { SegmentSpan, VoicedChunk } from "@/lib/text/chunk-plan";
import type { TextChunk } from "@/lib/text/split-chunks";
import type { ChunkEntry } from "../../cache/chunk-cache";
import { jsonWithBase64 } from "./json-with-base64";
import type { StreamLine } from "@/lib/stream/stream-lines";

/** One NDJSON line. */
export const toLine = (line: StreamLine) => `${JSON.stringify(line)}\n`;

const encoder = new TextEncoder();

/** One NDJSON line's bytes, encoded as it is written. */
export const encodeLine = (line: StreamLine) => encoder.encode(toLine(line));

/** A chunk line's bytes, encoded at the first call (by the first reader who writes it) and shared after. */
export type LineBytes = () => Uint8Array<ArrayBuffer>;

/** Encodes once, on first use. */
export function once(encode: () => Uint8Array<ArrayBuffer>): LineBytes {
  let bytes: Uint8Array<ArrayBuffer> | undefined;
  return () => (bytes ??= encode());
}

export interface ChunkLines {
  /** Takes chunk `index`; returns the lines this makes ready, in text order (none while an earlier one is missing). */
  add(index: number, entry: ChunkEntry): LineBytes[];
  /** Decoded duration of the chunks made ready so far: the whole article's once every chunk is in. */
  elapsedMs(): number;
}

/** A conversation's segments as its start line lists them. */
export const segmentsLine = (segments: readonly SegmentSpan[]) =>
  segments.map(({ voiceId, textOffset, textLength }) => ({ voice: voiceId, textOffset, textLength }));

/** `conversation`: the lines carry each chunk's segment. */
export function createChunkLines(
  text: string,
  chunks: ReadonlyArray<TextChunk & Partial<Pick<VoicedChunk, "segment">>>,
  { conversation = false } = {},
): ChunkLines {
  const waiting = new Map<number, ChunkEntry>();
  let next = 0;
  let elapsedMs = 0;

  // The line's place and length are settled now, in text order; its bytes when a reader first writes it.
  const lineFor = (k: number, entry: ChunkEntry): LineBytes => {
    const chunk = chunks[k];
    const from = k === 0 ? 0 : chunks[k - 1].offset + chunks[k - 1].text.length;
    const to = k === chunks.length - 1 ? text.length : chunk.offset + chunk.text.length;
    const { runs, frames } = audioFrameRuns(entry.audio);
    // The frame count, as concatMp3's chunkDurationsMs, not the entry's stored duration (invariant 5).
    const durationMs = framesDurationMs(frames);
    const startMs = elapsedMs;
    elapsedMs += durationMs;
    return once(() => {
      const alignment = partAlignment(text, { offset: chunk.offset, text: chunk.text, alignment: entry.alignment, durationMs }, from, to, startMs);
      const head = { type: "chunk", index: k, ...(conversation ? { segment: chunk.segment } : {}), textOffset: from, startMs, durationMs };
      return jsonWithBase64(head, "audioBase64", runs, { alignment }, "\n");
    });
  };

  return {
    add(index, entry) {
      if (!Number.isInteger(index) || index < next || index >= chunks.length) throw new RangeError(`chunk ${index} is not awaited`);
      waiting.set(index, entry);
      const ready: LineBytes[] = [];
      for (let held = waiting.get(next); held; held = waiting.get(next)) {
        waiting.delete(next);
        ready.push(lineFor(next, held));
        next++;
      }
      return ready;
    },
    elapsedMs: () => elapsedMs,
  };
}
