// Walks an MP3 file and lists its audio frames. A file is: any number of ID3v2 tags, maybe junk, an optional
// Xing/Info/VBRI frame, Layer III frames (possibly interrupted by tags or junk), then maybe APEv2 and ID3v1 tags.

import { frameLengthOfWord, parseFrameHeader, readUint32BE, type ChannelMode, type FrameHeader, type MpegVersion } from "./frame-header";
import { apeTagLengthAt, id3v2TagLength, isId3v1At, matchesAscii, trailingTagsLength } from "./tags";
import { isXingTagAt, parseVbrHeader, type VbrHeader } from "./xing";

export interface Mp3Frames {
  version: MpegVersion;
  sampleRate: number;
  samplesPerFrame: 1152 | 576;
  /** Of the first audio frame. */
  channelMode: ChannelMode;
  channels: 1 | 2;
  /** Audio frames only: the VBR header frame, inner Xing/Info frames and a truncated last frame are excluded. */
  frameCount: number;
  /** Byte offset of each audio frame in the input; `frameCount` entries. */
  frameOffsets: Uint32Array;
  /** Byte length of each audio frame; `frameCount` entries. */
  frameLengths: Uint16Array;
  /** Sum of frameLengths. */
  audioBytes: number;
  /** Every audio frame has the same bitrate. */
  isCbr: boolean;
  /** Bitrate of the first audio frame (of every frame if isCbr). */
  bitrateKbps: number;
  /** The Xing, Info or VBRI header found in the first frame, if any. */
  vbrHeader: VbrHeader | null;
}

/** Bits that stay fixed within one stream: sync, version, layer and sample rate index. */
const STREAM_MASK = 0xfffe0c00;
/** How far past junk inside the stream we look for the next frame before calling the rest garbage. */
const RESYNC_WINDOW = 8192;

function streamBits(word: number): number {
  return (word & STREAM_MASK) >>> 0;
}

/** Layer III side information length from a header word (see sideInfoLength in frame-header.ts). */
function sideInfoLengthOfWord(word: number): number {
  const mpeg1 = ((word >>> 19) & 3) === 3;
  const mono = ((word >>> 6) & 3) === 3;
  return mpeg1 ? (mono ? 17 : 32) : mono ? 9 : 17;
}

function isTagAt(bytes: Uint8Array, offset: number): boolean {
  return matchesAscii(bytes, offset, "ID3") || matchesAscii(bytes, offset, "TAG") || matchesAscii(bytes, offset, "APETAGEX");
}

/**
 * Offset of the first frame in [from, limit) that matches `stream` (or any stream if it is 0) and is confirmed
 * by what follows it: another matching frame, a tag, or the end of the audio. -1 if there is none.
 */
function findFrame(bytes: Uint8Array, from: number, end: number, limit: number, stream: number): number {
  let i = from;
  while (i + 4 <= limit) {
    i = bytes.indexOf(0xff, i);
    if (i < 0 || i + 4 > limit) return -1;
    const word = readUint32BE(bytes, i);
    const length = frameLengthOfWord(word);
    if (length !== 0 && (stream === 0 || streamBits(word) === stream)) {
      const next = i + length;
      if (next === end) return i;
      if (next < end) {
        if (next + 4 <= end) {
          const nextWord = readUint32BE(bytes, next);
          if (frameLengthOfWord(nextWord) !== 0 && streamBits(nextWord) === streamBits(word)) return i;
        }
        if (isTagAt(bytes, next)) return i;
      }
    }
    i++;
  }
  return -1;
}

/** The audio frames of an MP3 file, or null if it holds none. Never throws on malformed input. */
export function scanMp3Frames(bytes: Uint8Array): Mp3Frames | null {
  const end = bytes.length - trailingTagsLength(bytes);
  let pos = 0;
  for (let tag = id3v2TagLength(bytes, pos); tag > 0; tag = id3v2TagLength(bytes, pos)) pos += tag;

  pos = findFrame(bytes, pos, end, end, 0);
  if (pos < 0) return null;
  const stream = streamBits(readUint32BE(bytes, pos));
  const first = parseFrameHeader(bytes, pos) as FrameHeader; // findFrame accepted its header word
  const vbrHeader = parseVbrHeader(bytes, pos, first);
  if (vbrHeader) pos += first.frameLength;

  // Sized for CBR (first frame possibly padded); VBR streams may grow it.
  let capacity = Math.ceil((end - pos) / (first.frameLength - 1)) + 16;
  let offsets = new Uint32Array(capacity);
  let lengths = new Uint16Array(capacity);
  let count = 0;
  let audioBytes = 0;
  let firstWord = 0;
  let isCbr = true;

  while (pos + 4 <= end) {
    const word = readUint32BE(bytes, pos);
    const length = frameLengthOfWord(word);
    if (length !== 0 && streamBits(word) === stream) {
      if (pos + length > end) break; // truncated last frame: decoders drop it too
      if (!isXingTagAt(bytes, pos + 4 + sideInfoLengthOfWord(word))) {
        if (count === capacity) {
          capacity *= 2;
          const grownOffsets = new Uint32Array(capacity);
          grownOffsets.set(offsets);
          offsets = grownOffsets;
          const grownLengths = new Uint16Array(capacity);
          grownLengths.set(lengths);
          lengths = grownLengths;
        }
        if (count === 0) firstWord = word;
        else if (((word ^ firstWord) & 0xf000) !== 0) isCbr = false;
        offsets[count] = pos;
        lengths[count] = length;
        count++;
        audioBytes += length;
      }
      pos += length;
      continue;
    }
    const skip = id3v2TagLength(bytes, pos) || (isId3v1At(bytes, pos) ? 128 : 0) || apeTagLengthAt(bytes, pos);
    if (skip > 0) {
      pos += skip;
      continue;
    }
    pos = findFrame(bytes, pos + 1, end, Math.min(end, pos + RESYNC_WINDOW), stream);
    if (pos < 0) break;
  }

  if (count === 0) return null;
  const header = parseFrameHeader(bytes, offsets[0]) as FrameHeader;
  return {
    version: header.version,
    sampleRate: header.sampleRate,
    samplesPerFrame: header.samplesPerFrame,
    channelMode: header.channelMode,
    channels: header.channels,
    frameCount: count,
    frameOffsets: offsets.subarray(0, count),
    frameLengths: lengths.subarray(0, count),
    audioBytes,
    isCbr,
    bitrateKbps: header.bitrateKbps,
    vbrHeader,
  };
}
