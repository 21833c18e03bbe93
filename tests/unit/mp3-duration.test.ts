import { describe, expect, it } from "vitest";
import { estimateMp3DurationMs, parseMp3DurationMs, scanMp3Frames } from "@/lib/mp3";
import { expectedMp3, mp3FixtureNames, readMp3Fixture } from "@/tests/support/mp3-fixtures";

const decodedMs = (name: string) => (expectedMp3[name].decodedSamples / expectedMp3[name].sampleRate) * 1000;

describe("parseMp3DurationMs", () => {
  it.each(mp3FixtureNames)("matches mpg123's decoded length of %s within 1%", (name) => {
    const durationMs = parseMp3DurationMs(readMp3Fixture(name));
    expect(Math.abs(durationMs - decodedMs(name)) / decodedMs(name)).toBeLessThan(0.01);
  });

  it("is 0 for bytes that hold no frame", () => {
    expect(parseMp3DurationMs(new Uint8Array(0))).toBe(0);
    expect(parseMp3DurationMs(new TextEncoder().encode("<html>502 Bad Gateway</html>"))).toBe(0);
    expect(parseMp3DurationMs(new Uint8Array(4096).fill(0xff))).toBe(0);
  });

  it("is 0 for random bytes, without throwing", () => {
    let seed = 42;
    const noise = new Uint8Array(200_000).map(() => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    expect(parseMp3DurationMs(noise)).toBe(0);
  });
});

describe("scanMp3Frames", () => {
  it.each(mp3FixtureNames)("finds the frames, rate, version and channels mpg123 reports for %s", (name) => {
    const expected = expectedMp3[name];
    expect(scanMp3Frames(readMp3Fixture(name))).toMatchObject({
      frameCount: expected.frames,
      sampleRate: expected.sampleRate,
      version: expected.version,
      channels: expected.channels,
      samplesPerFrame: expected.version === 1 ? 1152 : 576,
    });
  });

  it("tells CBR from VBR", () => {
    expect(scanMp3Frames(readMp3Fixture("cbr-44k-64k-mono-notag.mp3"))).toMatchObject({ isCbr: true, bitrateKbps: 64 });
    expect(scanMp3Frames(readMp3Fixture("vbr-44k-v5-mono-notag-id3v2.mp3"))?.isCbr).toBe(false);
  });

  it("records contiguous frames that cover the audio between the header frame and the tags", () => {
    const bytes = readMp3Fixture("cbr-48k-80k-joint-id3both.mp3");
    const scan = scanMp3Frames(bytes)!;
    for (let i = 1; i < scan.frameCount; i++) {
      expect(scan.frameOffsets[i]).toBe(scan.frameOffsets[i - 1] + scan.frameLengths[i - 1]);
    }
    const audioEnd = scan.frameOffsets[scan.frameCount - 1] + scan.frameLengths[scan.frameCount - 1];
    expect(audioEnd).toBe(bytes.length - 128); // the ID3v1 tag follows
    expect(scan.audioBytes).toBe(audioEnd - scan.frameOffsets[0]);
  });

  it("drops a truncated last frame", () => {
    const bytes = readMp3Fixture("cbr-44k-64k-mono-notag.mp3");
    const whole = scanMp3Frames(bytes)!;
    const cut = scanMp3Frames(bytes.subarray(0, bytes.length - 50))!;
    expect(cut.frameCount).toBe(whole.frameCount - 1);
    const frames = expectedMp3["cbr-44k-64k-mono-notag.mp3"].frames - 1;
    expect(parseMp3DurationMs(bytes.subarray(0, bytes.length - 50))).toBeCloseTo((frames * 1152 * 1000) / 44100, 6);
  });

  it("resyncs past a little junk inside the stream and keeps counting", () => {
    const bytes = readMp3Fixture("cbr-44k-64k-mono-notag.mp3");
    const scan = scanMp3Frames(bytes)!;
    const split = scan.frameOffsets[60];
    const junk = new Uint8Array(300).fill(0x55);
    const spliced = new Uint8Array(bytes.length + junk.length);
    spliced.set(bytes.subarray(0, split));
    spliced.set(junk, split);
    spliced.set(bytes.subarray(split), split + junk.length);
    expect(scanMp3Frames(spliced)?.frameCount).toBe(scan.frameCount);
  });

  it("stops at garbage that goes on past the resync window", () => {
    const bytes = readMp3Fixture("cbr-44k-64k-mono-notag.mp3");
    const garbage = new Uint8Array(bytes.length + 20_000);
    garbage.set(bytes);
    garbage.fill(0x55, bytes.length, bytes.length + 10_000);
    garbage.set(bytes.subarray(0, 5000), bytes.length + 10_000);
    expect(scanMp3Frames(garbage)?.frameCount).toBe(scanMp3Frames(bytes)?.frameCount);
  });

  it("skips several ID3v2 tags and zero padding before the first frame", () => {
    const audio = readMp3Fixture("cbr-44k-64k-mono-notag.mp3");
    const tag = [0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 20, ...new Array(20).fill(0xff)];
    const prefixed = new Uint8Array([...tag, ...tag, 0, 0, 0, ...audio]);
    expect(scanMp3Frames(prefixed)?.frameCount).toBe(expectedMp3["cbr-44k-64k-mono-notag.mp3"].frames);
  });

  it("does not take a lone header that no following frame confirms for audio", () => {
    const fake = new Uint8Array([0xff, 0xfb, 0x50, 0xc4, ...new Array(400).fill(0)]);
    expect(scanMp3Frames(fake)).toBeNull();
  });
});

describe("estimateMp3DurationMs", () => {
  it("estimates from the size without tags at the given bitrate", () => {
    const bytes = readMp3Fixture("cbr-44k-64k-mono-id3v2.mp3");
    const estimate = estimateMp3DurationMs(bytes);
    expect(Math.abs(estimate - decodedMs("cbr-44k-64k-mono-id3v2.mp3")) / estimate).toBeLessThan(0.02);
    expect(estimateMp3DurationMs(new Uint8Array(16_000), 128_000)).toBe(1000);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])("rejects bitRate %s", (bitRate) => {
    expect(() => estimateMp3DurationMs(new Uint8Array(10), bitRate)).toThrow(TypeError);
  });
});
