import { describe, expect, it } from "vitest";
import {
  buildInfoFrame,
  hasId3v1,
  id3v2TagLength,
  infoFrameLength,
  parseFrameHeader,
  parseVbrHeader,
  scanMp3Frames,
  tocFromPositions,
  trailingTagsLength,
  type ChannelMode,
  type MpegVersion,
} from "@/lib/mp3";
import { expectedMp3, readMp3Fixture } from "@/tests/support/mp3-fixtures";

const ascending = (length: number) => Array.from({ length }, (_, i) => i);

describe("VBR header detection", () => {
  it.each([
    ["vbr-44k-v5-mono.mp3", "Xing"],
    ["vbr-44k-v4-joint-id3v2.mp3", "Xing"],
    ["vbr-22k-v7-mono-id3v1.mp3", "Xing"],
    ["vbr-24k-v6-mono-id3v2.mp3", "Xing"],
    ["cbr-44k-64k-mono.mp3", "Info"],
    ["cbr-44k-64k-mono-id3v1.mp3", "Info"],
    ["cbr-48k-80k-joint-id3both.mp3", "Info"],
  ])("finds LAME's %s header and its frame count, which excludes the header frame", (name, kind) => {
    const scan = scanMp3Frames(readMp3Fixture(name))!;
    expect(scan.vbrHeader?.kind).toBe(kind);
    expect(scan.vbrHeader?.frames).toBe(expectedMp3[name].frames);
    expect(scan.vbrHeader?.toc).toHaveLength(100);
  });

  it.each(["cbr-44k-64k-mono-notag.mp3", "vbr-44k-v5-mono-notag-id3v2.mp3", "cbr-16k-24k-stereo-notag.mp3"])(
    "reports no header for %s (lame -t)",
    (name) => {
      expect(scanMp3Frames(readMp3Fixture(name))?.vbrHeader).toBeNull();
    },
  );

  it("reads a VBRI header 32 bytes after the frame header", () => {
    const frame = new Uint8Array(417);
    frame.set([0xff, 0xfb, 0x90, 0x00]);
    frame.set([0x56, 0x42, 0x52, 0x49, 0, 1, 0x04, 0x40, 0, 75, 0, 1, 0, 0, 0, 0, 0, 200], 36);
    const header = parseFrameHeader(frame, 0)!;
    expect(parseVbrHeader(frame, 0, header)).toEqual({ kind: "VBRI", bytes: 65536, frames: 200, toc: null });
  });

  it("ignores a Xing tag whose fields run past the end of the data", () => {
    const frame = new Uint8Array(208);
    frame.set([0xff, 0xfb, 0x50, 0xc4]);
    frame.set([0x58, 0x69, 0x6e, 0x67, 0, 0, 0, 0x0f], 21); // all four fields: 120 bytes from offset 21
    const header = parseFrameHeader(frame, 0)!;
    expect(parseVbrHeader(frame, 0, header)?.kind).toBe("Xing");
    expect(parseVbrHeader(frame.subarray(0, 100), 0, header)).toBeNull();
  });
});

describe("buildInfoFrame", () => {
  const formats: { version: MpegVersion; sampleRate: number; channelMode: ChannelMode }[] = [
    { version: 1, sampleRate: 44100, channelMode: "mono" },
    { version: 1, sampleRate: 48000, channelMode: "joint-stereo" },
    { version: 1, sampleRate: 32000, channelMode: "stereo" },
    { version: 2, sampleRate: 22050, channelMode: "mono" },
    { version: 2, sampleRate: 16000, channelMode: "stereo" },
    { version: 2.5, sampleRate: 8000, channelMode: "mono" },
    { version: 2.5, sampleRate: 12000, channelMode: "dual-channel" },
  ];

  it.each(formats)("writes a valid MPEG-$version $sampleRate Hz $channelMode frame that reads back", (format) => {
    const toc = tocFromPositions(
      ascending(100).map((i) => i * 1000),
      100_000,
    );
    const frame = buildInfoFrame({ ...format, kind: "Xing", frames: 1234, bytes: 567_890, toc });
    const header = parseFrameHeader(frame, 0)!;
    expect(header).toMatchObject({ ...format, frameLength: frame.length, hasCrc: false, padding: false });
    expect(frame.length).toBe(infoFrameLength(format));
    expect(parseVbrHeader(frame, 0, header)).toEqual({ kind: "Xing", frames: 1234, bytes: 567_890, toc });
    // Zero side information: a player that ignores the tag decodes this frame as silence.
    expect(frame.subarray(4, 4 + header.sideInfoLength).every((b) => b === 0)).toBe(true);
  });

  it("uses the stream's bitrate for an Info frame when the header fits, like LAME", () => {
    const frame = buildInfoFrame({
      version: 1,
      sampleRate: 44100,
      channelMode: "mono",
      bitrateKbps: 64,
      kind: "Info",
      frames: 10,
      bytes: 2288,
      toc: new Uint8Array(100),
    });
    expect(parseFrameHeader(frame, 0)).toMatchObject({ bitrateKbps: 64, frameLength: 208 });
  });

  it("falls back to the smallest frame that holds the header when the preferred bitrate is too small", () => {
    const frame = buildInfoFrame({
      version: 1,
      sampleRate: 44100,
      channelMode: "stereo",
      bitrateKbps: 32,
      kind: "Info",
      frames: 10,
      bytes: 2000,
      toc: new Uint8Array(100),
    });
    // 4 header + 32 side info + 116 tag = 152 bytes: 48 kbps (156 bytes) is the smallest that fits.
    expect(parseFrameHeader(frame, 0)).toMatchObject({ bitrateKbps: 48, frameLength: 156 });
  });

  it.each([
    { change: { toc: new Uint8Array(99) }, what: "a TOC without 100 entries" },
    { change: { frames: -1 }, what: "a negative frame count" },
    { change: { bytes: 2 ** 32 }, what: "a byte count over 32 bits" },
    { change: { sampleRate: 22050 }, what: "a sample rate of another MPEG version" },
  ])("rejects $what", ({ change }) => {
    const content = {
      version: 1 as const,
      sampleRate: 44100,
      channelMode: "mono" as const,
      kind: "Info" as const,
      frames: 1,
      bytes: 1,
      toc: new Uint8Array(100),
    };
    expect(() => buildInfoFrame({ ...content, ...change })).toThrow(TypeError);
  });

  it("clamps TOC entries to 255 and starts at 0", () => {
    const toc = tocFromPositions(
      ascending(100).map((i) => i * 10),
      990,
    );
    expect(toc[0]).toBe(0);
    expect(toc[99]).toBe(255);
    expect(toc[50]).toBe(Math.floor((256 * 500) / 990));
  });
});

describe("tags", () => {
  it("measures LAME's ID3v2 tag, which the first frame follows", () => {
    const bytes = readMp3Fixture("cbr-44k-64k-mono-id3v2.mp3");
    const length = id3v2TagLength(bytes, 0);
    expect(length).toBeGreaterThan(10);
    expect(parseFrameHeader(bytes, length)).not.toBeNull();
    expect(id3v2TagLength(readMp3Fixture("cbr-44k-64k-mono.mp3"), 0)).toBe(0);
  });

  it("counts an ID3v2.4 footer", () => {
    const tag = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0x10, 0, 0, 1, 0]);
    expect(id3v2TagLength(tag, 0)).toBe(10 + 128 + 10);
  });

  it("rejects a size that is not syncsafe", () => {
    expect(id3v2TagLength(new Uint8Array([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0x80, 0]), 0)).toBe(0);
  });

  it("finds trailing ID3v1 and APEv2 tags", () => {
    const withV1 = readMp3Fixture("cbr-44k-64k-mono-id3v1.mp3");
    expect(hasId3v1(withV1)).toBe(true);
    expect(trailingTagsLength(withV1)).toBe(128);
    expect(hasId3v1(readMp3Fixture("cbr-44k-64k-mono.mp3"))).toBe(false);

    const ape = new Uint8Array(64);
    const footer = [0x41, 0x50, 0x45, 0x54, 0x41, 0x47, 0x45, 0x58, 0xd0, 0x07, 0, 0, 64, 0, 0, 0, 1, 0, 0, 0];
    ape.set(footer, 32); // 32 bytes of items, then the footer; size 64 = items + footer, no header
    const file = new Uint8Array([...readMp3Fixture("cbr-44k-64k-mono-notag.mp3"), ...ape, ...withV1.subarray(-128)]);
    expect(trailingTagsLength(file)).toBe(64 + 128);
    expect(scanMp3Frames(file)?.frameCount).toBe(expectedMp3["cbr-44k-64k-mono-notag.mp3"].frames);
  });
});
