// Puts a stream's chunk lines back together (docs/architecture.md, "/api/tts and /api/tts/stream", invariant 15): while it runs, the audio
// and timeline that have arrived; at the end, the very MP3 and alignment /api/tts answers for the same text
// and voice, so the caches store one shape whichever endpoint filled them.

import type { Alignment } from "@/lib/alignment/types";
import { concatMp3 } from "@/lib/mp3";
import { decodeBase64 } from "./decode-base64";
import type { StreamChunkLine, StreamStartLine } from "@/lib/stream/stream-lines";

export class StreamOrderError extends Error {
  override readonly name = "StreamOrderError";
  readonly code = "STREAM_OUT_OF_ORDER";
}

export interface ArrivedChunk {
  index: number;
  /** the chunk's bare MP3 frames, ready to append after the previous chunk's */
  frames: Uint8Array<ArrayBuffer>;
  startMs: number;
  durationMs: number;
}

export interface AssembledAudio {
  /** one Info frame, then every chunk's frames: byte for byte /api/tts's `audioBase64` */
  mp3: Uint8Array;
  alignment: Alignment;
  durationMs: number;
}

export interface StreamAssembler {
  /** takes the next chunk line (they come in text order) and hands back its decoded frames */
  add(line: StreamChunkLine): ArrivedChunk;
  /** every character's timing that has arrived; a new object after each chunk, for React */
  readonly alignment: Alignment;
  /** the decoded duration of the chunks that have arrived */
  readonly arrivedMs: number;
  /** characters of the text that have arrived, out of `textLength` */
  readonly arrivedChars: number;
  readonly textLength: number;
  readonly complete: boolean;
  /**
   * After the end line: the single file and whole timeline. Its duration is the merged file's, computed from its
   * frame count as /api/tts computes it: the end line's sum of chunk durations can differ in the last bits.
   */
  finish(): AssembledAudio;
}

export function createStreamAssembler(start: StreamStartLine): StreamAssembler {
  const frames: Uint8Array[] = [];
  let alignment: Alignment = { characters: [], characterStartTimesSeconds: [], characterEndTimesSeconds: [] };
  let arrivedMs = 0;
  let complete = false;

  return {
    add(line) {
      if (complete) throw new StreamOrderError("a chunk line came after the end");
      if (line.index !== frames.length || line.index >= start.chunks) {
        throw new StreamOrderError(`expected chunk ${frames.length} of ${start.chunks}, got chunk ${line.index}`);
      }
      if (line.textOffset !== alignment.characters.length) {
        throw new StreamOrderError(`chunk ${line.index} starts at character ${line.textOffset}, not ${alignment.characters.length}`);
      }
      const bytes = decodeBase64(line.audioBase64);
      frames.push(bytes);
      alignment = {
        characters: alignment.characters.concat(line.alignment.characters),
        characterStartTimesSeconds: alignment.characterStartTimesSeconds.concat(line.alignment.characterStartTimesSeconds),
        characterEndTimesSeconds: alignment.characterEndTimesSeconds.concat(line.alignment.characterEndTimesSeconds),
      };
      arrivedMs = line.startMs + line.durationMs;
      return { index: line.index, frames: bytes, startMs: line.startMs, durationMs: line.durationMs };
    },
    get alignment() {
      return alignment;
    },
    get arrivedMs() {
      return arrivedMs;
    },
    get arrivedChars() {
      return alignment.characters.length;
    },
    textLength: start.textLength,
    get complete() {
      return complete;
    },
    finish() {
      if (frames.length !== start.chunks) {
        throw new StreamOrderError(`the stream ended after ${frames.length} of ${start.chunks} chunks`);
      }
      complete = true;
      // concatMp3 over bare frames writes what it writes over the chunk MP3s: it drops their tags and Info
      // frames anyway, so the one Info frame it builds describes the same frames.
      const merged = concatMp3(frames);
      return { mp3: merged.bytes, alignment, durationMs: merged.durationMs };
    },
  };
}
