// Merges independently encoded MP3 chunks into one file that browsers time correctly (docs/architecture.md invariants
// 3 and 4): every chunk's tags and VBR header frames go, the audio frames are copied in order, and one
// Xing/Info frame describing the whole result goes first.

import { framesDurationMs } from "./duration";
import { Mp3FormatError } from "./errors";
import { scanMp3Frames, type Mp3Frames } from "./scan-frames";
import { buildInfoFrame, infoFrameLength, tocFromPositions, XING_TOC_LENGTH } from "./xing";

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
 * One MP3 made of the chunks' audio frames, in order, behind a single Xing (bitrates vary) or Info
 * (constant bitrate) frame. Throws Mp3FormatError when a chunk has no frames or the chunks' formats differ.
 */
export function concatMp3(chunks: readonly Uint8Array[]): ConcatMp3Result {
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
  const out = new Uint8Array(totalBytes);
  // positions[i]: offset, from the first audio frame, of the frame playing at i% of the duration (Xing TOC).
  const positions = new Float64Array(XING_TOC_LENGTH);
  let tocIndex = 0;
  let globalFrame = 0;
  let outPos = infoLength;

  for (let k = 0; k < scans.length; k++) {
    const chunk = chunks[k];
    const { frameOffsets, frameLengths, frameCount: chunkFrames } = scans[k];
    // Frames are usually contiguous, so whole runs go in one copy; junk or inner tags split a run.
    let runStart = frameOffsets[0];
    let runEnd = runStart;
    let runOut = outPos;
    for (let f = 0; f < chunkFrames; f++) {
      while (tocIndex < XING_TOC_LENGTH && Math.floor((tocIndex * frameCount) / XING_TOC_LENGTH) === globalFrame) {
        positions[tocIndex++] = outPos - infoLength;
      }
      const offset = frameOffsets[f];
      if (offset !== runEnd) {
        out.set(chunk.subarray(runStart, runEnd), runOut);
        runStart = offset;
        runOut = outPos;
      }
      runEnd = offset + frameLengths[f];
      outPos += frameLengths[f];
      globalFrame++;
    }
    out.set(chunk.subarray(runStart, runEnd), runOut);
  }

  out.set(
    buildInfoFrame({
      ...format,
      kind: isCbr ? "Info" : "Xing",
      frames: frameCount,
      bytes: totalBytes,
      toc: tocFromPositions(positions, totalBytes),
    }),
    0,
  );
  return {
    bytes: out,
    durationMs: framesDurationMs({ frameCount, samplesPerFrame: first.samplesPerFrame, sampleRate: first.sampleRate }),
    chunkDurationsMs: scans.map(framesDurationMs),
    frameCount,
  };
}
