// A second, deliberately plain MP3 frame walker for tests, written from the MPEG audio header layout
// (ISO 11172-3 / 13818-3) independently of lib/mp3, so tests do not grade lib/mp3 with itself.
const BITRATES_V1_L3 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2_L3 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

export interface Walk {
  frames: number;
  sampleRate: number;
  durationMs: number;
  /** Offsets of frames whose side info is followed by "Xing" or "Info". */
  xingFrames: number[];
  firstFrameOffset: number;
  /** Where the walk stopped: the file's length when frames run back to back to the very end, so no tag or
   * junk hides anywhere inside or after them. */
  endOffset: number;
}

export function walkMp3(bytes: Uint8Array): Walk {
  let offset = 0;
  if (bytes[0] === 0x49 && bytes[1] === 0x44 && bytes[2] === 0x33) {
    offset = 10 + ((bytes[6] << 21) | (bytes[7] << 14) | (bytes[8] << 7) | bytes[9]);
  }
  let frames = 0;
  let sampleRate = 0;
  let samples = 0;
  let firstFrameOffset = -1;
  const xingFrames: number[] = [];
  while (offset + 4 <= bytes.length) {
    const b1 = bytes[offset + 1];
    const b2 = bytes[offset + 2];
    const started = firstFrameOffset >= 0;
    if (bytes[offset] !== 0xff || (b1 & 0xe0) !== 0xe0) {
      if (started) break;
      offset++;
      continue;
    }
    const version = (b1 >> 3) & 3; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
    const layer = (b1 >> 1) & 3; // 1 = Layer III
    const bitrateIndex = b2 >> 4;
    const rateIndex = (b2 >> 2) & 3;
    if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) {
      if (started) break;
      offset++;
      continue;
    }
    const rate = RATES[version][rateIndex];
    const kbps = (version === 3 ? BITRATES_V1_L3 : BITRATES_V2_L3)[bitrateIndex];
    const padding = (b2 >> 1) & 1;
    const perFrame = version === 3 ? 1152 : 576;
    const length = Math.floor(((perFrame / 8) * kbps * 1000) / rate) + padding;
    if (firstFrameOffset < 0) firstFrameOffset = offset;
    const mono = bytes[offset + 3] >> 6 === 3;
    const sideInfo = version === 3 ? (mono ? 17 : 32) : mono ? 9 : 17;
    const tag = String.fromCharCode(...bytes.subarray(offset + 4 + sideInfo, offset + 8 + sideInfo));
    if (tag === "Xing" || tag === "Info") {
      xingFrames.push(offset);
    } else {
      frames++;
      samples += perFrame;
      sampleRate = rate;
    }
    offset += length;
  }
  return { frames, sampleRate, durationMs: sampleRate ? (samples / sampleRate) * 1000 : 0, xingFrames, firstFrameOffset, endOffset: offset };
}
