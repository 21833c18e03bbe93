import { describe, expect, it } from "vitest";
import { parseFrameHeader } from "@/lib/mp3";

const header = (...bytes: number[]) => new Uint8Array(bytes);

describe("parseFrameHeader", () => {
  it.each([
    {
      name: "MPEG-1 64 kbps 44.1 kHz mono (the TTS format)",
      bytes: [0xff, 0xfb, 0x50, 0xc4],
      expected: {
        version: 1,
        bitrateKbps: 64,
        sampleRate: 44100,
        padding: false,
        channelMode: "mono",
        channels: 1,
        frameLength: 208,
        samplesPerFrame: 1152,
        sideInfoLength: 17,
        hasCrc: false,
      },
    },
    {
      name: "MPEG-1 padded frame is one byte longer",
      bytes: [0xff, 0xfb, 0x52, 0xc4],
      expected: { padding: true, frameLength: 209 },
    },
    {
      name: "MPEG-1 128 kbps 44.1 kHz stereo with CRC",
      bytes: [0xff, 0xfa, 0x90, 0x00],
      expected: { version: 1, bitrateKbps: 128, channelMode: "stereo", channels: 2, frameLength: 417, sideInfoLength: 32, hasCrc: true },
    },
    {
      name: "MPEG-1 320 kbps 48 kHz joint stereo",
      bytes: [0xff, 0xfb, 0xe4, 0x40],
      expected: { bitrateKbps: 320, sampleRate: 48000, channelMode: "joint-stereo", frameLength: 960 },
    },
    {
      name: "MPEG-1 32 kHz dual channel",
      bytes: [0xff, 0xfb, 0x18, 0x80],
      expected: { bitrateKbps: 32, sampleRate: 32000, channelMode: "dual-channel", frameLength: 144 },
    },
    {
      name: "MPEG-2 32 kbps 22.05 kHz mono",
      bytes: [0xff, 0xf3, 0x40, 0xc4],
      expected: { version: 2, bitrateKbps: 32, sampleRate: 22050, frameLength: 104, samplesPerFrame: 576, sideInfoLength: 9 },
    },
    {
      name: "MPEG-2 160 kbps 16 kHz stereo",
      bytes: [0xff, 0xf3, 0xe8, 0x00],
      expected: { version: 2, bitrateKbps: 160, sampleRate: 16000, frameLength: 720, sideInfoLength: 17 },
    },
    {
      name: "MPEG-2.5 16 kbps 8 kHz mono",
      bytes: [0xff, 0xe3, 0x28, 0xc4],
      expected: { version: 2.5, bitrateKbps: 16, sampleRate: 8000, frameLength: 144, samplesPerFrame: 576 },
    },
    {
      name: "MPEG-2.5 8 kbps 12 kHz",
      bytes: [0xff, 0xe3, 0x14, 0xc4],
      expected: { version: 2.5, bitrateKbps: 8, sampleRate: 12000, frameLength: 48 },
    },
  ])("reads $name", ({ bytes, expected }) => {
    expect(parseFrameHeader(header(...bytes), 0)).toMatchObject({ layer: 3, ...expected });
  });

  it.each([
    { name: "a missing sync", bytes: [0x7f, 0xfb, 0x50, 0xc4] },
    { name: "a partial sync", bytes: [0xff, 0xdb, 0x50, 0xc4] },
    { name: "the reserved version", bytes: [0xff, 0xeb, 0x50, 0xc4] },
    { name: "Layer I", bytes: [0xff, 0xff, 0x50, 0xc4] },
    { name: "Layer II", bytes: [0xff, 0xfd, 0x50, 0xc4] },
    { name: "the reserved layer", bytes: [0xff, 0xf9, 0x50, 0xc4] },
    { name: "free format", bytes: [0xff, 0xfb, 0x00, 0xc4] },
    { name: "the forbidden bitrate", bytes: [0xff, 0xfb, 0xf0, 0xc4] },
    { name: "the reserved sample rate", bytes: [0xff, 0xfb, 0x5c, 0xc4] },
    { name: "the reserved emphasis", bytes: [0xff, 0xfb, 0x50, 0xc6] },
  ])("rejects $name", ({ bytes }) => {
    expect(parseFrameHeader(header(...bytes), 0)).toBeNull();
  });

  it("reads at an offset and rejects offsets without 4 bytes after them", () => {
    const bytes = header(0, 0, 0xff, 0xfb, 0x50, 0xc4);
    expect(parseFrameHeader(bytes, 2)?.frameLength).toBe(208);
    expect(parseFrameHeader(bytes, 3)).toBeNull();
    expect(parseFrameHeader(bytes, -1)).toBeNull();
    expect(parseFrameHeader(bytes, 1.5)).toBeNull();
    expect(parseFrameHeader(new Uint8Array(0), 0)).toBeNull();
  });
});
