import { describe, expect, it } from "vitest";
import type { Alignment } from "@/lib/alignment/types";
import { audioFrames, concatMp3, framesDurationMs } from "@/lib/mp3";
import { createStreamAssembler, StreamOrderError } from "@/client/stream/stream-assembler";
import type { StreamChunkLine, StreamStartLine } from "@/lib/stream/stream-lines";
import { readMp3Fixture } from "@/tests/support/mp3-fixtures";

// Three independently encoded chunk MP3s of one format (44.1 kHz mono), as the upstream returns them: with
// and without ID3 tags, constant and variable bitrate.
const CHUNK_FILES = ["cbr-44k-64k-mono-id3v2.mp3", "vbr-44k-v5-mono.mp3", "cbr-44k-64k-mono-id3v1.mp3"];
const TEXTS = ["Hello there. ", "A second part, ", "and the end."];

/** The stream's lines for those chunks, built the way docs/architecture.md, "/api/tts and /api/tts/stream" describes them. */
function streamOf(files: string[]) {
  const mp3s = files.map(readMp3Fixture);
  const start: StreamStartLine = { type: "start", voice: "Ashley", chunks: files.length, textLength: TEXTS.join("").length, cache: null };
  let startMs = 0;
  let textOffset = 0;
  const chunks: StreamChunkLine[] = mp3s.map((mp3, index) => {
    const { bytes, frames } = audioFrames(mp3);
    const durationMs = framesDurationMs(frames);
    const characters = [...TEXTS[index]];
    const alignment: Alignment = {
      characters,
      characterStartTimesSeconds: characters.map((_, i) => (startMs + (i * durationMs) / characters.length) / 1000),
      characterEndTimesSeconds: characters.map((_, i) => (startMs + ((i + 1) * durationMs) / characters.length) / 1000),
    };
    const line: StreamChunkLine = {
      type: "chunk",
      index,
      textOffset,
      startMs,
      durationMs,
      audioBase64: Buffer.from(bytes).toString("base64"),
      alignment,
    };
    startMs += durationMs;
    textOffset += characters.length;
    return line;
  });
  return { mp3s, start, chunks, totalMs: startMs };
}

describe("createStreamAssembler", () => {
  it("ends with exactly the single MP3 /api/tts builds from the chunk MP3s, byte for byte", () => {
    const { mp3s, start, chunks, totalMs } = streamOf(CHUNK_FILES);
    const assembler = createStreamAssembler(start);
    for (const line of chunks) assembler.add(line);
    const done = assembler.finish();
    // The server's /api/tts: concatMp3 over the upstream's chunk MP3s (tags, Info frames and all).
    const single = concatMp3(mp3s);
    expect(Buffer.from(done.mp3).equals(Buffer.from(single.bytes))).toBe(true);
    // The duration /api/tts answers, to the last bit; the chunks' durations summed agree to rounding.
    expect(done.durationMs).toBe(single.durationMs);
    expect(done.durationMs).toBeCloseTo(totalMs, 6);
  });

  it("grows the alignment chunk by chunk into the whole text's timeline", () => {
    const { start, chunks, totalMs } = streamOf(CHUNK_FILES);
    const assembler = createStreamAssembler(start);
    const seen: Alignment[] = [];
    for (const line of chunks) {
      assembler.add(line);
      seen.push(assembler.alignment);
    }
    expect(seen.map((a) => a.characters.join(""))).toEqual([TEXTS[0], TEXTS[0] + TEXTS[1], TEXTS.join("")]);
    // A new object each time, so React sees the growth.
    expect(new Set(seen).size).toBe(3);
    expect(assembler.arrivedChars).toBe(start.textLength);
    expect(assembler.arrivedMs).toBeCloseTo(totalMs, 6);
    const whole = assembler.finish().alignment;
    expect(whole.characterStartTimesSeconds).toEqual(chunks.flatMap((c) => c.alignment.characterStartTimesSeconds));
    expect(whole.characterEndTimesSeconds).toEqual(chunks.flatMap((c) => c.alignment.characterEndTimesSeconds));
  });

  it("hands back each chunk's frames and where they start, for appending to a media buffer", () => {
    const { start, chunks } = streamOf(CHUNK_FILES);
    const assembler = createStreamAssembler(start);
    const first = assembler.add(chunks[0]);
    expect(first.startMs).toBe(0);
    expect(Buffer.from(first.frames).equals(Buffer.from(audioFrames(readMp3Fixture(CHUNK_FILES[0])).bytes))).toBe(true);
    expect(assembler.add(chunks[1]).startMs).toBe(chunks[0].durationMs);
  });

  it("refuses a chunk out of order, or one whose text does not follow the last", () => {
    const { start, chunks } = streamOf(CHUNK_FILES);
    expect(() => createStreamAssembler(start).add(chunks[1])).toThrow(StreamOrderError);
    const assembler = createStreamAssembler(start);
    assembler.add(chunks[0]);
    expect(() => assembler.add({ ...chunks[1], textOffset: chunks[1].textOffset + 1 })).toThrow(StreamOrderError);
  });

  it("refuses to finish before every chunk arrived (a partial article is never whole)", () => {
    const { start, chunks } = streamOf(CHUNK_FILES);
    const assembler = createStreamAssembler(start);
    assembler.add(chunks[0]);
    expect(() => assembler.finish()).toThrow(StreamOrderError);
    expect(assembler.complete).toBe(false);
  });
});
