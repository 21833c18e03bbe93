// The VBR header frame at the start of an MP3: a Layer III frame whose audio is silence and whose main data
// starts with a Xing header ("Xing" for VBR, "Info" for CBR, as LAME writes them), or Fraunhofer's VBRI header.
//
// Xing/Info, right after the side information (Xing SDK, and LAME's VbrTag.c which also writes "Info"):
//   tag[4] flags:u32be [frames:u32be] [bytes:u32be] [toc:100 × u8] [quality:u32be]
//   flags: 1 frames, 2 bytes, 4 toc, 8 quality; toc[i] = 256 × (byte offset at i% of the duration) / bytes.
// VBRI, always 32 bytes after the header (Fraunhofer mp3 VBRI SDK):
//   "VBRI" version:u16 delay:u16 quality:u16 bytes:u32 frames:u32 tocEntries:u16 ... (all big-endian)
//
// Browsers take the duration from the frames field when this header is present (Chrome through FFmpeg's
// mp3dec, iOS Safari through AudioToolbox); without it they estimate from the first frame's bitrate.

import {
  BITRATES_KBPS,
  SAMPLE_RATES,
  encodeHeaderWord,
  frameLengthOfWord,
  readUint32BE,
  sideInfoLength,
  type ChannelMode,
  type FrameHeader,
  type MpegVersion,
} from "./frame-header";
import { matchesAscii } from "./tags";

export type VbrHeaderKind = "Xing" | "Info" | "VBRI";

export interface VbrHeader {
  kind: VbrHeaderKind;
  /** Audio frames the header describes (not counting its own frame), if recorded. */
  frames: number | null;
  /** Stream bytes the header describes, if recorded. */
  bytes: number | null;
  /** The 100-entry Xing seek table, if recorded (VBRI's table has another shape and is not returned). */
  toc: Uint8Array | null;
}

const FLAG_FRAMES = 1;
const FLAG_BYTES = 2;
const FLAG_TOC = 4;
const FLAG_QUALITY = 8;
export const XING_TOC_LENGTH = 100;
/** Tag, flags, frames, bytes, toc: what buildInfoFrame writes. */
const XING_WRITTEN_LENGTH = 4 + 4 + 4 + 4 + XING_TOC_LENGTH;
const VBRI_OFFSET = 4 + 32;

function writeUint32BE(bytes: Uint8Array, offset: number, value: number): void {
  bytes[offset] = value >>> 24;
  bytes[offset + 1] = (value >>> 16) & 0xff;
  bytes[offset + 2] = (value >>> 8) & 0xff;
  bytes[offset + 3] = value & 0xff;
}

/**
 * True if a Xing or Info tag starts at `tagOffset` (a frame's offset + 4 + its side information length).
 * The flags' unused high bytes must be zero, which keeps audio that happens to spell "Info" from matching.
 */
export function isXingTagAt(bytes: Uint8Array, tagOffset: number): boolean {
  if (tagOffset + 8 > bytes.length) return false;
  if (!matchesAscii(bytes, tagOffset, "Xing") && !matchesAscii(bytes, tagOffset, "Info")) return false;
  return bytes[tagOffset + 4] === 0 && bytes[tagOffset + 5] === 0 && bytes[tagOffset + 6] === 0;
}

function parseXing(bytes: Uint8Array, tagOffset: number, frameEnd: number): VbrHeader | null {
  if (!isXingTagAt(bytes, tagOffset)) return null;
  const flags = bytes[tagOffset + 7];
  const needed =
    8 + (flags & FLAG_FRAMES ? 4 : 0) + (flags & FLAG_BYTES ? 4 : 0) + (flags & FLAG_TOC ? XING_TOC_LENGTH : 0) + (flags & FLAG_QUALITY ? 4 : 0);
  if (tagOffset + needed > frameEnd) return null;
  let cursor = tagOffset + 8;
  let frames: number | null = null;
  let byteCount: number | null = null;
  let toc: Uint8Array | null = null;
  if (flags & FLAG_FRAMES) {
    frames = readUint32BE(bytes, cursor);
    cursor += 4;
  }
  if (flags & FLAG_BYTES) {
    byteCount = readUint32BE(bytes, cursor);
    cursor += 4;
  }
  if (flags & FLAG_TOC) toc = bytes.slice(cursor, cursor + XING_TOC_LENGTH);
  return { kind: matchesAscii(bytes, tagOffset, "Xing") ? "Xing" : "Info", frames, bytes: byteCount, toc };
}

/** The Xing, Info or VBRI header carried by the frame at `offset` (whose parsed header is `header`), or null. */
export function parseVbrHeader(bytes: Uint8Array, offset: number, header: FrameHeader): VbrHeader | null {
  const frameEnd = Math.min(offset + header.frameLength, bytes.length);
  const afterSideInfo = offset + 4 + header.sideInfoLength;
  // LAME places the tag right after the side information; with a CRC some writers shift it by 2 bytes.
  const xing = parseXing(bytes, afterSideInfo, frameEnd) ?? (header.hasCrc ? parseXing(bytes, afterSideInfo + 2, frameEnd) : null);
  if (xing) return xing;
  const vbri = offset + VBRI_OFFSET;
  if (vbri + 18 <= frameEnd && matchesAscii(bytes, vbri, "VBRI")) {
    return { kind: "VBRI", frames: readUint32BE(bytes, vbri + 14), bytes: readUint32BE(bytes, vbri + 10), toc: null };
  }
  return null;
}

export interface InfoFrameFormat {
  version: MpegVersion;
  sampleRate: number;
  channelMode: ChannelMode;
  /** The audio's bitrate when it is CBR: the Info frame uses it too if the header fits, as LAME does. */
  bitrateKbps?: number;
}

export interface InfoFrameContent extends InfoFrameFormat {
  /** "Xing" when the audio's bitrate varies, "Info" when it is constant. */
  kind: "Xing" | "Info";
  /** Audio frames in the file, not counting the Info frame itself. */
  frames: number;
  /** Bytes of the whole file, the Info frame included. */
  bytes: number;
  /** 100 entries of 0–255, see tocFromPositions. */
  toc: ArrayLike<number>;
}

/** The bitrate of the smallest frame of this format that holds the header (or the preferred one if it does). */
function infoFrameBitrate(format: InfoFrameFormat): { headerWord: number; frameLength: number } {
  if (!SAMPLE_RATES[format.version]?.includes(format.sampleRate)) {
    throw new TypeError(`sampleRate ${format.sampleRate} is not an MPEG-${format.version} rate`);
  }
  const needed = 4 + sideInfoLength(format.version, format.channelMode === "mono" ? 1 : 2) + XING_WRITTEN_LENGTH;
  const bitrates = format.version === 1 ? BITRATES_KBPS.mpeg1 : BITRATES_KBPS.mpeg2;
  for (const kbps of [format.bitrateKbps ?? 0, ...bitrates]) {
    const headerWord = encodeHeaderWord(format.version, format.sampleRate, kbps, format.channelMode);
    const frameLength = headerWord === null ? 0 : frameLengthOfWord(headerWord);
    if (headerWord !== null && frameLength >= needed) return { headerWord, frameLength };
  }
  throw new TypeError(`No Layer III frame of MPEG-${format.version} at ${format.sampleRate} Hz can hold an Info header`);
}

/** Length in bytes of the frame buildInfoFrame writes for this format. */
export function infoFrameLength(format: InfoFrameFormat): number {
  return infoFrameBitrate(format).frameLength;
}

/**
 * The Xing seek table: entry i is 256 × (byte offset of the frame playing at i% of the duration) / file bytes,
 * clamped to 255. `positions[i]` is that offset counted from the first audio frame, so entry 0 is 0 as in
 * LAME's tables, and FFmpeg's reading (entry × bytes / 256 + offset of the first audio frame) lands on the frame.
 */
export function tocFromPositions(positions: ArrayLike<number>, fileBytes: number): Uint8Array {
  const toc = new Uint8Array(XING_TOC_LENGTH);
  for (let i = 0; i < XING_TOC_LENGTH; i++) {
    toc[i] = Math.min(255, Math.floor((256 * positions[i]) / fileBytes));
  }
  return toc;
}

/**
 * A complete, CRC-less Layer III frame of the given format whose side information is zero (it decodes to
 * silence in players that ignore the tag) and whose main data holds a Xing/Info header with the frames,
 * bytes and TOC fields set. No LAME extension is written, so players trim no encoder delay or padding and
 * the duration they report is exactly frames × samples per frame / sample rate.
 */
export function buildInfoFrame(content: InfoFrameContent): Uint8Array {
  if (content.toc.length !== XING_TOC_LENGTH) throw new TypeError("toc must have 100 entries");
  if (!Number.isInteger(content.frames) || content.frames < 0 || content.frames > 0xffffffff) {
    throw new TypeError("frames must be an integer in 0..2^32-1");
  }
  if (!Number.isInteger(content.bytes) || content.bytes < 0 || content.bytes > 0xffffffff) {
    throw new TypeError("bytes must be an integer in 0..2^32-1");
  }
  const { headerWord, frameLength } = infoFrameBitrate(content);
  const frame = new Uint8Array(frameLength);
  writeUint32BE(frame, 0, headerWord);
  let cursor = 4 + sideInfoLength(content.version, content.channelMode === "mono" ? 1 : 2);
  for (let i = 0; i < 4; i++) frame[cursor + i] = content.kind.charCodeAt(i);
  writeUint32BE(frame, cursor + 4, FLAG_FRAMES | FLAG_BYTES | FLAG_TOC);
  writeUint32BE(frame, cursor + 8, content.frames);
  writeUint32BE(frame, cursor + 12, content.bytes);
  cursor += 16;
  for (let i = 0; i < XING_TOC_LENGTH; i++) frame[cursor + i] = content.toc[i];
  return frame;
}
