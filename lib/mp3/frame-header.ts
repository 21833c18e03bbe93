// The 4-byte MPEG audio frame header, Layer III only (ISO/IEC 11172-3 §2.4.1.3, ISO/IEC 13818-3 §2.4.1.3,
// and the unofficial MPEG-2.5 extension for 8–12 kHz):
//
//   AAAAAAAA AAABBCCD EEEEFFGH IIJJKLMM
//   A sync (all ones)          B version: 00 MPEG-2.5, 01 reserved, 10 MPEG-2, 11 MPEG-1
//   C layer: 01 = III          D protection: 0 = a 16-bit CRC follows the header
//   E bitrate index            F sample rate index (11 reserved)
//   G padding (one byte)       H private
//   I channel mode             J mode extension
//   K copyright                L original
//   M emphasis (10 reserved)

export type MpegVersion = 1 | 2 | 2.5;
export type ChannelMode = "stereo" | "joint-stereo" | "dual-channel" | "mono";

export interface FrameHeader {
  version: MpegVersion;
  layer: 3;
  hasCrc: boolean;
  bitrateKbps: number;
  sampleRate: number;
  padding: boolean;
  channelMode: ChannelMode;
  channels: 1 | 2;
  /** Whole frame, header included, in bytes. */
  frameLength: number;
  samplesPerFrame: 1152 | 576;
  /** Layer III side information that follows the header (and its CRC, if any). */
  sideInfoLength: number;
}

/** Index by the two version bits. */
const VERSIONS: readonly (MpegVersion | null)[] = [2.5, null, 2, 1];
export const CHANNEL_MODES: readonly ChannelMode[] = ["stereo", "joint-stereo", "dual-channel", "mono"];

/** Layer III bitrates in kbps by bitrate index; 0 is free format and 15 is forbidden, both rejected. */
export const BITRATES_KBPS = {
  mpeg1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0],
  mpeg2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0],
} as const;

/** Sample rates by sample rate index; index 3 is reserved. */
export const SAMPLE_RATES: Readonly<Record<MpegVersion, readonly number[]>> = {
  1: [44100, 48000, 32000],
  2: [22050, 24000, 16000],
  2.5: [11025, 12000, 8000],
};

const HEADER_MASK = 0xffe00000;

/**
 * The frame length of a Layer III header word, or 0 if the word is not a usable Layer III header.
 * Indexed by the 2 version bits, 2 sample rate bits, 4 bitrate bits: the scanner's hot loop reads this
 * table directly so that walking a file allocates nothing per frame.
 */
const FRAME_LENGTHS: Uint16Array = (() => {
  const table = new Uint16Array(4 * 4 * 16);
  for (let versionBits = 0; versionBits < 4; versionBits++) {
    const version = VERSIONS[versionBits];
    if (version === null) continue;
    const bitrates = version === 1 ? BITRATES_KBPS.mpeg1 : BITRATES_KBPS.mpeg2;
    // Layer III: 1152 samples per MPEG-1 frame, 576 per MPEG-2/2.5 frame, so 144 or 72 × bitrate / rate bytes.
    const coefficient = version === 1 ? 144 : 72;
    for (let rateIndex = 0; rateIndex < 3; rateIndex++) {
      const sampleRate = SAMPLE_RATES[version][rateIndex];
      for (let bitrateIndex = 1; bitrateIndex < 15; bitrateIndex++) {
        table[(versionBits << 6) | (rateIndex << 4) | bitrateIndex] = Math.floor((coefficient * bitrates[bitrateIndex] * 1000) / sampleRate);
      }
    }
  }
  return table;
})();

/** Reads the 4 bytes at `offset` as a big-endian unsigned integer (no bounds check): header words, Xing counts. */
export function readUint32BE(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3]) >>> 0;
}

/**
 * The length in bytes of the frame whose header word is `word`, or 0 if it is not a valid Layer III header
 * (no sync, reserved version, other layer, free-format or forbidden bitrate, reserved rate or emphasis).
 */
export function frameLengthOfWord(word: number): number {
  if ((word & HEADER_MASK) >>> 0 !== HEADER_MASK) return 0;
  if (((word >>> 17) & 3) !== 1) return 0; // layer bits 01 = Layer III
  if ((word & 3) === 2) return 0; // reserved emphasis
  const length = FRAME_LENGTHS[(((word >>> 19) & 3) << 6) | (((word >>> 10) & 3) << 4) | ((word >>> 12) & 15)];
  return length === 0 ? 0 : length + ((word >>> 9) & 1);
}

/** Layer III side information length: 32/17 bytes (MPEG-1 stereo/mono), 17/9 bytes (MPEG-2/2.5). */
export function sideInfoLength(version: MpegVersion, channels: 1 | 2): number {
  if (version === 1) return channels === 2 ? 32 : 17;
  return channels === 2 ? 17 : 9;
}

export function parseFrameHeader(bytes: Uint8Array, offset: number): FrameHeader | null {
  if (!Number.isInteger(offset) || offset < 0 || offset + 4 > bytes.length) return null;
  const word = readUint32BE(bytes, offset);
  const frameLength = frameLengthOfWord(word);
  if (frameLength === 0) return null;
  const version = VERSIONS[(word >>> 19) & 3] as MpegVersion;
  const channelMode = CHANNEL_MODES[(word >>> 6) & 3];
  const channels = channelMode === "mono" ? 1 : 2;
  const hasCrc = ((word >>> 16) & 1) === 0;
  const bitrates = version === 1 ? BITRATES_KBPS.mpeg1 : BITRATES_KBPS.mpeg2;
  return {
    version,
    layer: 3,
    hasCrc,
    bitrateKbps: bitrates[(word >>> 12) & 15],
    sampleRate: SAMPLE_RATES[version][(word >>> 10) & 3],
    padding: ((word >>> 9) & 1) === 1,
    channelMode,
    channels,
    frameLength,
    samplesPerFrame: version === 1 ? 1152 : 576,
    sideInfoLength: sideInfoLength(version, channels),
  };
}

/** The header word of an unpadded, CRC-less Layer III frame; null if the combination does not exist. */
export function encodeHeaderWord(version: MpegVersion, sampleRate: number, bitrateKbps: number, channelMode: ChannelMode): number | null {
  const versionBits = VERSIONS.indexOf(version);
  const rateIndex = SAMPLE_RATES[version].indexOf(sampleRate);
  const bitrates: readonly number[] = version === 1 ? BITRATES_KBPS.mpeg1 : BITRATES_KBPS.mpeg2;
  const bitrateIndex = bitrates.indexOf(bitrateKbps);
  if (rateIndex < 0 || bitrateIndex <= 0) return null;
  // sync | version | layer III | no CRC | bitrate | rate | no padding | mode; mode extension, flags, emphasis 0
  return (
    (HEADER_MASK |
      (versionBits << 19) |
      (1 << 17) |
      (1 << 16) |
      (bitrateIndex << 12) |
      (rateIndex << 10) |
      (CHANNEL_MODES.indexOf(channelMode) << 6)) >>>
    0
  );
}
