// A chunk's audio frames on their own, as the stream sends them (docs/architecture.md "Streaming"): no ID3 or APE tag,
// no Xing/Info frame, nothing between frames. Joined in order, the chunks' frames are exactly what concatMp3
// puts behind its one Info frame, so a player that appends them hears the same file /api/tts answers.

import { Mp3FormatError } from "./errors";
import { scanMp3Frames, type Mp3Frames } from "./scan-frames";

export interface Mp3AudioFrames {
  bytes: Uint8Array;
  frames: Mp3Frames;
}

/** The audio frames of `mp3`, copied out in order, with the scan that found them. Throws when there are none. */
export function audioFrames(mp3: Uint8Array): Mp3AudioFrames {
  const frames = scanMp3Frames(mp3);
  if (!frames) throw new Mp3FormatError("MP3_NO_FRAMES", "MP3 holds no audio frames");
  const bytes = new Uint8Array(frames.audioBytes);
  let out = 0;
  for (let f = 0; f < frames.frameCount; f++) {
    const offset = frames.frameOffsets[f];
    bytes.set(mp3.subarray(offset, offset + frames.frameLengths[f]), out);
    out += frames.frameLengths[f];
  }
  return { bytes, frames };
}
