import { describe, expect, it } from "vitest";
import { audioFrames, concatMp3, Mp3FormatError, scanMp3Frames } from "@/lib/mp3";
import { expectedMp3, findAscii, mp3FixtureNames, readMp3Fixture } from "@/tests/support/mp3-fixtures";

describe("audioFrames", () => {
  it.each(mp3FixtureNames)("keeps every audio frame of %s and nothing else", (name) => {
    const { bytes, frames } = audioFrames(readMp3Fixture(name));
    expect(frames.frameCount).toBe(expectedMp3[name].frames);
    expect(bytes.byteLength).toBe(frames.audioBytes);
    expect(findAscii(bytes, "ID3")).toEqual([]);
    expect(findAscii(bytes, "TAG")).toEqual([]);
    expect([...findAscii(bytes, "Xing"), ...findAscii(bytes, "Info")]).toEqual([]);
    // The bare frames scan back to the same frames, back to back from the first byte.
    const rescan = scanMp3Frames(bytes);
    expect(rescan?.frameCount).toBe(frames.frameCount);
    expect(rescan?.frameOffsets[0]).toBe(0);
  });

  it("gives, chunk after chunk, exactly the bytes concatMp3 puts behind its Info frame", () => {
    const names = ["cbr-44k-64k-mono-id3v2.mp3", "vbr-44k-v5-mono.mp3", "cbr-44k-64k-mono-id3v1.mp3"];
    const chunks = names.map(readMp3Fixture);
    const merged = concatMp3(chunks).bytes;
    const first = scanMp3Frames(merged)!;
    const joined = Buffer.concat(chunks.map((c) => audioFrames(c).bytes));
    expect(first.vbrHeader).not.toBeNull();
    // The merged file's first audio frame follows its Info frame directly.
    expect(Buffer.from(merged.subarray(first.frameOffsets[0])).equals(joined)).toBe(true);
  });

  it("throws Mp3FormatError MP3_NO_FRAMES for bytes without audio", () => {
    expect(() => audioFrames(new Uint8Array(1000))).toThrow(Mp3FormatError);
  });
});
