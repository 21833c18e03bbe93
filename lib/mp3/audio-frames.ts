// A chunk's audio frames on their own, as the stream sends them (docs/architecture.md "Streaming"): no ID3 or APE tag,
// no Xing/Info frame, nothing between frames. Joined in order, the chunks' frames are exactly what concatMp3
// puts behind its one Info frame, so a player that appends them hears the same file /api/tts answers.

import { Mp3FormatError } from "./errors";
import { frameRuns } from "./frame-runs";
import { scanMp3Frames, type Mp3Frames } from "./scan-frames";

export interface Mp3AudioFrames {
  bytes: Uint8Array;
  frames: Mp3Frames;
}

export interface Mp3FrameRuns {
  /** the audio frames in order, as views into the MP3 (usually one) */
  runs: Uint8Array[];
  frames: Mp3Frames;
}

/** The audio frames of `mp3` as views into it, with the scan that found them. Throws when there are none. */
export function audioFrameRuns(mp3: Uint8Array): Mp3FrameRuns {
  const frames = scanMp3Frames(mp3);
  if (!frames) throw new Mp3FormatError("MP3_NO_FRAMES", "MP3 holds no audio frames");
  return { runs: frameRuns(mp3, frames.frameOffsets, frames.frameLengths, frames.frameCount), frames };
}

/** The audio frames of `mp3`, copied out in order, with the scan that found them. Throws when there are none. */
export function audioFrames(mp3: Uint8Array): Mp3AudioFrames {
  const { runs, frames } = audioFrameRuns(mp3);
  const bytes = new Uint8Array(frames.audioBytes);
  let out = 0;
  for (const run of runs) {
    bytes.set(run, out);
    out += run.byteLength;
  }
  return { bytes, frames };
}
