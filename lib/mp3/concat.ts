// Merges independently encoded MP3 chunks into one file that browsers time correctly (docs/architecture.md invariants
// 3 and 4): every chunk's tags and VBR header frames go, the audio frames are copied in order, and one
// Xing/Info frame describing the whole result goes first.

import { framesDurationMs } from "./duration";
import { Mp3FormatError } from "./errors";
import { frameRuns } from "./frame-runs";
import { scanMp3Frames, type Mp3Frames } from "./scan-frames";
import { buildInfoFrame, infoFrameLength, tocFromPositions, XING_TOC_LENGTH } from "./xing";

export interface Mp3Parts {
  /** In order: the Info frame, then runs of the chunks' audio frames, each a view into its chunk (no copy). */
  parts: Uint8Array[];
  /** Sum of the parts' lengths: the merged file's size. */
  byteLength: number;
  /** Decoded duration of the merged file: audio frames × samples per frame / sample rate. */
  durationMs: number;
  /** Decoded duration of each input chunk, in input order. */
  chunkDurationsMs: number[];
  /** Audio frames in the merged file, not counting the Info frame. */
  frameCount: number;
}

export interface ConcatMp3Result {
  bytes: Uint8Array;
  /** Decoded duration of `bytes`: audio frames × samples per frame / sample rate. */
  durationMs: number;
  /** Decoded duration of each input chunk, in input order. */
  chunkDurationsMs: number[];
  /** Audio frames in `bytes`, not counting the Info frame. */
  frameCount: number;
}

function scanChunk(chunk: Uint8Array, index: number): Mp3Frames {
  const frames = scanMp3Frames(chunk);
  if (!frames) throw new Mp3FormatError("MP3_NO_FRAMES", `MP3 chunk ${index} holds no audio frames`, { chunkIndex: index });
  return frames;
}

function assertSameStream(first: Mp3Frames, other: Mp3Frames, index: number): void {
  if (other.version === first.version && other.sampleRate === first.sampleRate && other.channels === first.channels) return;
  const describe = (f: Mp3Frames) => `MPEG-${f.version} ${f.sampleRate} Hz ${f.channels === 1 ? "mono" : "stereo"}`;
  throw new Mp3FormatError("MP3_MISMATCH", `MP3 chunk ${index} is ${describe(other)} but chunk 0 is ${describe(first)}`, { chunkIndex: index });
}

/**
 * The merged MP3 as parts to be written one after the other (concatMp3 copies them into one buffer; a response
 * can encode them straight into its body): a single Xing (bitrates vary) or Info (constant bitrate) frame, then
 * the chunks' audio frames in order. Throws Mp3FormatError when a chunk has no frames or the chunks' formats differ.
 */
export function mp3Parts(chunks: readonly Uint8Array[]): Mp3Parts {
  if (!Array.isArray(chunks) || chunks.length === 0) throw new TypeError("chunks must be a non-empty array of Uint8Array");
  const scans = chunks.map(scanChunk);
  const first = scans[0];
  let frameCount = 0;
  let audioBytes = 0;
  let isCbr = true;
  for (let k = 0; k < scans.length; k++) {
    const scan = scans[k];
    assertSameStream(first, scan, k);
    frameCount += scan.frameCount;
    audioBytes += scan.audioBytes;
    if (!scan.isCbr || scan.bitrateKbps !== first.bitrateKbps) isCbr = false;
  }

  const format = {
    version: first.version,
    sampleRate: first.sampleRate,
    channelMode: first.channelMode,
    bitrateKbps: isCbr ? first.bitrateKbps : undefined,
  };
  const infoLength = infoFrameLength(format);
  const totalBytes = infoLength + audioBytes;
  const parts: Uint8Array[] = [];
  // positions[i]: offset, from the first audio frame, of the frame playing at i% of the duration (Xing TOC).
  const positions = new Float64Array(XING_TOC_LENGTH);
  let tocIndex = 0;
  let globalFrame = 0;
  let outPos = 0;

  for (let k = 0; k < scans.length; k++) {
    const { frameOffsets, frameLengths, frameCount: chunkFrames } = scans[k];
    for (let f = 0; f < chunkFrames; f++) {
      while (tocIndex < XING_TOC_LENGTH && Math.floor((tocIndex * frameCount) / XING_TOC_LENGTH) === globalFrame) {
        positions[tocIndex++] = outPos;
      }
      outPos += frameLengths[f];
      globalFrame++;
    }
    parts.push(...frameRuns(chunks[k], frameOffsets, frameLengths, chunkFrames));
  }

  const info = buildInfoFrame({
    ...format,
    kind: isCbr ? "Info" : "Xing",
    frames: frameCount,
    bytes: totalBytes,
    toc: tocFromPositions(positions, totalBytes),
  });
  return {
    parts: [info, ...parts],
    byteLength: totalBytes,
    durationMs: framesDurationMs({ frameCount, samplesPerFrame: first.samplesPerFrame, sampleRate: first.sampleRate }),
    chunkDurationsMs: scans.map(framesDurationMs),
    frameCount,
  };
}

/** One MP3 made of the chunks' audio frames, in order, behind a single Xing or Info frame (see mp3Parts). */
export function concatMp3(chunks: readonly Uint8Array[]): ConcatMp3Result {
  const { parts, byteLength, durationMs, chunkDurationsMs, frameCount } = mp3Parts(chunks);
  const bytes = new Uint8Array(byteLength);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  return { bytes, durationMs, chunkDurationsMs, frameCount };
}
