// Which MP3 sample rate and bitrate pairs exist (MPEG-1 for 32–48 kHz, MPEG-2 for 16–24 kHz, MPEG-2.5 for
// 8–12 kHz, each with its own Layer III bitrate table).
import { BITRATES_KBPS, SAMPLE_RATES, type MpegVersion } from "../../lib/mp3/frame-header";

export function mpegVersionOf(sampleRate: number): MpegVersion | undefined {
  return ([1, 2, 2.5] as const).find((version) => SAMPLE_RATES[version].includes(sampleRate));
}

export const MP3_SAMPLE_RATES: readonly number[] = [...SAMPLE_RATES[1], ...SAMPLE_RATES[2], ...SAMPLE_RATES[2.5]];

export function bitratesKbpsFor(sampleRate: number): readonly number[] {
  const version = mpegVersionOf(sampleRate);
  if (version === undefined) return [];
  return (version === 1 ? BITRATES_KBPS.mpeg1 : BITRATES_KBPS.mpeg2).filter((kbps) => kbps > 0);
}

export function samplesPerFrame(sampleRate: number): number {
  return mpegVersionOf(sampleRate) === 1 ? 1152 : 576;
}
