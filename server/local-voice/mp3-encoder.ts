// LAME (wasm-media-encoders, in-process WebAssembly), one encoder per worker, reconfigured per job.
import { createMp3Encoder } from "wasm-media-encoders";

type LameBitrate = Parameters<Awaited<ReturnType<typeof createMp3Encoder>>["configure"]>[0]["bitrate"];

export interface Mp3Encoder {
  /** Mono samples in [-1, 1] at `sampleRate` to a complete CBR MP3 at the same rate. */
  encode(samples: Float32Array, sampleRate: number, bitRateKbps: number): Uint8Array;
}

/**
 * Samples of silence LAME puts before the first input sample of the decoded stream (576 of encoder delay
 * plus the 529 of the decoder's filterbank); times in the stream are shifted by this much.
 */
export const LAME_DELAY_SAMPLES = 1105;

export async function createEncoder(): Promise<Mp3Encoder> {
  const lame = await createMp3Encoder();
  return {
    encode(samples, sampleRate, bitRateKbps) {
      lame.configure({
        channels: 1,
        sampleRate,
        outputSampleRate: sampleRate as 44100,
        bitrate: bitRateKbps as LameBitrate,
      });
      // Both outputs are views into the encoder's memory: copy the first before the second overwrites it.
      const body = lame.encode([samples]).slice();
      const tail = lame.finalize();
      const mp3 = new Uint8Array(body.length + tail.length);
      mp3.set(body);
      mp3.set(tail, body.length);
      return mp3;
    },
  };
}
