import { describe, expect, it } from "vitest";
import { concatMp3, Mp3FormatError, parseFrameHeader, parseMp3DurationMs, parseVbrHeader } from "@/lib/mp3";
import { expectedMp3, findAscii, readMp3Fixture } from "@/tests/support/mp3-fixtures";

const decodedMs = (name: string) => (expectedMp3[name].decodedSamples / expectedMp3[name].sampleRate) * 1000;

/** Invariant 4: one Xing/Info frame, first, describing the whole file; no tag or inner header survives. */
function expectSingleHeaderFrame(bytes: Uint8Array, frames: number, kind: "Xing" | "Info") {
  const header = parseFrameHeader(bytes, 0);
  expect(header).not.toBeNull();
  const tagOffset = 4 + header!.sideInfoLength;
  expect([...findAscii(bytes, "Xing"), ...findAscii(bytes, "Info")]).toEqual([tagOffset]);
  expect(parseVbrHeader(bytes, 0, header!)).toMatchObject({ kind, frames, bytes: bytes.length });
  expect(findAscii(bytes, "ID3")).toEqual([]);
  expect(findAscii(bytes, "TAG")).toEqual([]);
  expect(findAscii(bytes, "APETAGEX")).toEqual([]);
}

describe("concatMp3", () => {
  const mixed = [
    "cbr-44k-64k-mono-id3v2.mp3",
    "vbr-44k-v5-mono.mp3",
    "cbr-44k-64k-mono-notag.mp3",
    "vbr-44k-v5-mono-notag-id3v2.mp3",
    "cbr-44k-64k-mono-id3v1.mp3",
  ];

  it("merges CBR and VBR chunks, with and without tags, behind one Xing frame counting every audio frame", () => {
    const result = concatMp3(mixed.map(readMp3Fixture));
    const frames = mixed.reduce((sum, name) => sum + expectedMp3[name].frames, 0);
    expect(result.frameCount).toBe(frames);
    expectSingleHeaderFrame(result.bytes, frames, "Xing");
  });

  it("reports each chunk's decoded duration and a total equal to their sum", () => {
    const result = concatMp3(mixed.map(readMp3Fixture));
    expect(result.chunkDurationsMs).toHaveLength(mixed.length);
    result.chunkDurationsMs.forEach((ms, k) => expect(ms).toBeCloseTo(decodedMs(mixed[k]), 6));
    expect(result.durationMs).toBeCloseTo(
      result.chunkDurationsMs.reduce((a, b) => a + b, 0),
      6,
    );
    expect(parseMp3DurationMs(result.bytes)).toBeCloseTo(result.durationMs, 6);
  });

  it("keeps every chunk's audio bytes, in order", () => {
    const chunks = ["cbr-44k-64k-mono-id3v2.mp3", "cbr-44k-64k-mono-id3v1.mp3"].map(readMp3Fixture);
    const { bytes } = concatMp3(chunks);
    const infoLength = parseFrameHeader(bytes, 0)!.frameLength;
    // LAME's files: ID3v2 (if any), its 208-byte Info frame, 135 frames of audio, ID3v1 (if any).
    const audio0 = chunks[0].subarray(id3Length(chunks[0]) + 208);
    const audio1 = chunks[1].subarray(208, chunks[1].length - 128);
    expect(bytes.length).toBe(infoLength + audio0.length + audio1.length);
    expect(bytes.subarray(infoLength, infoLength + audio0.length)).toEqual(audio0);
    expect(bytes.subarray(infoLength + audio0.length)).toEqual(audio1);
  });

  it("writes an Info frame at the stream's own bitrate when every chunk is CBR at one bitrate", () => {
    const names = ["cbr-44k-64k-mono.mp3", "cbr-44k-64k-mono-notag.mp3", "cbr-44k-64k-mono-id3v2.mp3"];
    const result = concatMp3(names.map(readMp3Fixture));
    expectSingleHeaderFrame(result.bytes, 3 * 135, "Info");
    expect(parseFrameHeader(result.bytes, 0)?.bitrateKbps).toBe(64);
  });

  it("doubles the frames when a file is concatenated with itself", () => {
    const chunk = readMp3Fixture("vbr-44k-v4-joint-id3v2.mp3");
    const frames = expectedMp3["vbr-44k-v4-joint-id3v2.mp3"].frames;
    const result = concatMp3([chunk, chunk]);
    expect(result.frameCount).toBe(2 * frames);
    expectSingleHeaderFrame(result.bytes, 2 * frames, "Xing");
  });

  it("normalises a single chunk to one header frame, and is idempotent", () => {
    const chunk = readMp3Fixture("cbr-48k-80k-joint-id3both.mp3");
    const once = concatMp3([chunk]);
    expectSingleHeaderFrame(once.bytes, expectedMp3["cbr-48k-80k-joint-id3both.mp3"].frames, "Info");
    expect(concatMp3([once.bytes]).bytes).toEqual(once.bytes);
  });

  it.each([
    [["cbr-22k-32k-mono.mp3", "vbr-22k-v7-mono-id3v1.mp3"], "Xing"],
    [["cbr-8k-16k-mono.mp3", "cbr-8k-16k-mono.mp3"], "Info"],
    [["cbr-16k-24k-stereo-notag.mp3"], "Info"],
    [["vbr-11k-v7-mono-notag.mp3", "vbr-11k-v7-mono-notag.mp3"], "Xing"],
  ] as const)("merges MPEG-2 and MPEG-2.5 chunks %j", (names, kind) => {
    const result = concatMp3(names.map(readMp3Fixture));
    const frames = names.reduce((sum, name) => sum + expectedMp3[name].frames, 0);
    expectSingleHeaderFrame(result.bytes, frames, kind);
    expect(parseFrameHeader(result.bytes, 0)).toMatchObject({ version: expectedMp3[names[0]].version, sampleRate: expectedMp3[names[0]].sampleRate });
  });

  it("strips the inner tags and header frames of a chunk that is itself a byte-for-byte join of two files", () => {
    const names = ["cbr-48k-80k-joint-id3both.mp3", "cbr-48k-80k-joint-id3both.mp3"];
    const joined = new Uint8Array([...readMp3Fixture(names[0]), ...readMp3Fixture(names[1])]);
    const frames = 2 * expectedMp3[names[0]].frames;
    expect(parseMp3DurationMs(joined)).toBeCloseTo((frames * 1152 * 1000) / 48000, 6);
    const result = concatMp3([joined]);
    expect(result.frameCount).toBe(frames);
    expectSingleHeaderFrame(result.bytes, frames, "Info");
  });

  it("writes a non-decreasing seek table that starts at 0", () => {
    const { bytes } = concatMp3(mixed.map(readMp3Fixture));
    const toc = parseVbrHeader(bytes, 0, parseFrameHeader(bytes, 0)!)!.toc!;
    expect(toc[0]).toBe(0);
    for (let i = 1; i < 100; i++) expect(toc[i]).toBeGreaterThanOrEqual(toc[i - 1]);
    expect(toc[99]).toBeGreaterThan(240);
  });

  it("drops a chunk's truncated last frame", () => {
    const chunk = readMp3Fixture("cbr-44k-64k-mono-notag.mp3");
    const result = concatMp3([chunk.subarray(0, chunk.length - 100), chunk]);
    expect(result.frameCount).toBe(2 * 135 - 1);
    expect(parseMp3DurationMs(result.bytes)).toBeCloseTo(result.durationMs, 6);
  });

  it.each([
    [["cbr-44k-64k-mono.mp3", "cbr-22k-32k-mono.mp3"], "sample rate and version"],
    [["cbr-44k-64k-mono.mp3", "cbr-48k-80k-joint-id3both.mp3"], "sample rate"],
    [["vbr-44k-v5-mono.mp3", "vbr-44k-v4-joint-id3v2.mp3"], "channel count"],
  ])("throws MP3_MISMATCH for chunks %j that differ in %s", (names) => {
    const error = catchError(() => concatMp3(names.map(readMp3Fixture)));
    expect(error).toBeInstanceOf(Mp3FormatError);
    expect(error).toMatchObject({ name: "Mp3FormatError", code: "MP3_MISMATCH", chunkIndex: 1 });
  });

  it.each([
    ["empty", new Uint8Array(0)],
    ["text", new TextEncoder().encode('{"error":"upstream"}')],
    ["sync bytes only", new Uint8Array(1000).fill(0xff)],
  ])("throws MP3_NO_FRAMES naming a chunk that is %s", (_what, garbage) => {
    const error = catchError(() => concatMp3([readMp3Fixture("cbr-44k-64k-mono.mp3"), garbage]));
    expect(error).toBeInstanceOf(Mp3FormatError);
    expect(error).toMatchObject({ name: "Mp3FormatError", code: "MP3_NO_FRAMES", chunkIndex: 1 });
  });

  it("rejects an empty list with a TypeError", () => {
    expect(() => concatMp3([])).toThrow(TypeError);
  });
});

function id3Length(bytes: Uint8Array): number {
  if (bytes[0] !== 0x49 || bytes[1] !== 0x44 || bytes[2] !== 0x33) return 0;
  return 10 + ((bytes[6] << 21) | (bytes[7] << 14) | (bytes[8] << 7) | bytes[9]);
}

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}
