// The stream's chunk lines, in process: text order whatever order chunks complete in, and together exactly
// what /api/tts builds from the same chunks (docs/architecture.md invariant 15).
import { describe, expect, it } from "vitest";
import { mergeAlignments } from "@/server/modules/tts/merge-alignments";
import { concatMp3 } from "@/lib/mp3";
import { createChunkLines, type LineBytes } from "@/server/modules/tts/chunk-lines";
import { readMp3Fixture } from "@/tests/support/mp3-fixtures";
import { evenAlignment } from "@/tests/support/synthetic-alignment";

interface ChunkLine {
  index: number;
  textOffset: number;
  startMs: number;
  durationMs: number;
  audioBase64: string;
  alignment: ReturnType<typeof evenAlignment>;
}

// Gaps between chunks (the blank lines) and trailing space, which belong to no chunk's text.
const text = "First paragraph, short.\n\nSecond paragraph is a little longer than the first.\n\nThird one.  ";
const chunks = ["First paragraph, short.", "Second paragraph is a little longer than the first.", "Third one."].map((chunk) => ({
  text: chunk,
  offset: text.indexOf(chunk),
}));
const mp3s = ["cbr-44k-64k-mono-id3v2.mp3", "vbr-44k-v5-mono.mp3", "cbr-44k-64k-mono-id3v1.mp3"].map(readMp3Fixture);
const entries = chunks.map((chunk, k) => ({ audio: mp3s[k], alignment: evenAlignment(chunk.text, 0.01), durationMs: 0 }));
const decode = (lines: LineBytes[]) => lines.map((line) => new TextDecoder().decode(line()));
const parse = (lines: LineBytes[]) => decode(lines).map((line) => JSON.parse(line) as ChunkLine);

describe("createChunkLines", () => {
  it("holds a chunk that completes early until every chunk before it is there", () => {
    const lines = createChunkLines(text, chunks);
    expect(lines.add(2, entries[2])).toEqual([]);
    expect(parse(lines.add(0, entries[0])).map((l) => l.index)).toEqual([0]);
    expect(parse(lines.add(1, entries[1])).map((l) => l.index)).toEqual([1, 2]);
  });

  it("gives the frames and the timeline /api/tts builds from the same chunks, each line ending with a newline", () => {
    const lines = createChunkLines(text, chunks);
    const raw = entries.flatMap((entry, k) => lines.add(k, entry));
    // Written as bytes, each line is JSON.stringify's text of what it holds, then a newline.
    decode(raw).forEach((line) => expect(line).toBe(`${JSON.stringify(JSON.parse(line))}\n`));
    const parsed = parse(raw);
    const merged = concatMp3(mp3s);
    const frames = Buffer.concat(parsed.map((l) => Buffer.from(l.audioBase64, "base64")));
    expect(Buffer.from(merged.bytes.subarray(merged.bytes.byteLength - frames.byteLength)).equals(frames)).toBe(true);
    expect(parsed.map((l) => l.durationMs)).toEqual(merged.chunkDurationsMs);

    const alignment = mergeAlignments(
      text,
      chunks.map((chunk, k) => ({ ...chunk, alignment: entries[k].alignment, durationMs: merged.chunkDurationsMs[k] })),
    );
    expect({
      characters: parsed.flatMap((l) => l.alignment.characters),
      characterStartTimesSeconds: parsed.flatMap((l) => l.alignment.characterStartTimesSeconds),
      characterEndTimesSeconds: parsed.flatMap((l) => l.alignment.characterEndTimesSeconds),
    }).toEqual(alignment);
    // The gap before a chunk opens its line; the last line runs to the end of the text.
    expect(parsed.map((l) => l.textOffset)).toEqual([0, chunks[0].offset + chunks[0].text.length, chunks[1].offset + chunks[1].text.length]);
    expect(parsed[2].alignment.characters.join("")).toBe(text.slice(parsed[2].textOffset));
    expect(parsed.map((l) => l.startMs)).toEqual([0, merged.chunkDurationsMs[0], merged.chunkDurationsMs[0] + merged.chunkDurationsMs[1]]);
    expect(lines.elapsedMs()).toBeCloseTo(merged.durationMs, 6);
  });

  it("refuses a chunk it is not waiting for", () => {
    const lines = createChunkLines(text, chunks);
    lines.add(0, entries[0]);
    expect(() => lines.add(0, entries[0])).toThrow(RangeError);
    expect(() => lines.add(3, entries[0])).toThrow(RangeError);
  });
});
