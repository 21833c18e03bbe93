// Duration of an MP3 as decoders play it: every Layer III frame holds a fixed number of samples whatever its
// bitrate (1152 for MPEG-1, 576 for MPEG-2/2.5), so frames × samples per frame / sample rate is exact for
// CBR and VBR alike.

import { scanMp3Frames, type Mp3Frames } from "./scan-frames";
import { id3v2TagLength, trailingTagsLength } from "./tags";

/** Duration in milliseconds of scanned frames. */
export function framesDurationMs(frames: Pick<Mp3Frames, "frameCount" | "samplesPerFrame" | "sampleRate">): number {
  return (frames.frameCount * frames.samplesPerFrame * 1000) / frames.sampleRate;
}

/** Decoded duration in milliseconds; 0 if the bytes hold no Layer III frame. */
export function parseMp3DurationMs(bytes: Uint8Array): number {
  const frames = scanMp3Frames(bytes);
  return frames ? framesDurationMs(frames) : 0;
}

/** Fallback when parsing finds nothing: the size without tags at a nominal bitrate (bits per second). */
export function estimateMp3DurationMs(bytes: Uint8Array, bitRate = 64000): number {
  if (!(Number.isFinite(bitRate) && bitRate > 0)) throw new TypeError("bitRate must be a positive number");
  const audioBytes = Math.max(0, bytes.length - id3v2TagLength(bytes, 0) - trailingTagsLength(bytes));
  return (audioBytes * 8 * 1000) / bitRate;
}
