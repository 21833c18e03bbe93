// Silent MP3 without an encoder: a Layer III frame whose side information is all zeros (main_data_begin 0,
// part2_3_length 0 in every granule) carries no spectral data, so it decodes to silence and stands alone.
// Repeating one such frame gives a valid stream of any length at the cost of a memory copy.
import { encodeHeaderWord, frameLengthOfWord } from "../../lib/mp3/frame-header";
import { mpegVersionOf } from "./mp3-format";

const frames = new Map<string, Uint8Array>();

export function silentFrame(sampleRate: number, bitRateKbps: number): Uint8Array {
  const key = `${sampleRate}/${bitRateKbps}`;
  const cached = frames.get(key);
  if (cached) return cached;
  const version = mpegVersionOf(sampleRate);
  const word = version === undefined ? null : encodeHeaderWord(version, sampleRate, bitRateKbps, "mono");
  if (word === null) throw new RangeError(`no MP3 frame exists at ${sampleRate} Hz and ${bitRateKbps} kbps`);
  const frame = new Uint8Array(frameLengthOfWord(word));
  new DataView(frame.buffer).setUint32(0, word);
  frames.set(key, frame);
  return frame;
}

export function silentMp3(frameCount: number, sampleRate: number, bitRateKbps: number): Uint8Array {
  const frame = silentFrame(sampleRate, bitRateKbps);
  const mp3 = new Uint8Array(frame.length * frameCount);
  for (let i = 0; i < frameCount; i++) mp3.set(frame, i * frame.length);
  return mp3;
}

// Three frames are a whole number of base64 groups whatever the frame length (3 × length bytes), so the base64
// of n frames is a repetition of that of three, plus the encoding of the last n mod 3: no encoding per call.
const tripleBase64 = new Map<string, string>();

export function silentMp3Base64(frameCount: number, sampleRate: number, bitRateKbps: number): string {
  const key = `${sampleRate}/${bitRateKbps}`;
  let triple = tripleBase64.get(key);
  if (triple === undefined) {
    triple = Buffer.from(silentMp3(3, sampleRate, bitRateKbps)).toString("base64");
    tripleBase64.set(key, triple);
  }
  const rest = frameCount % 3;
  const tail = rest === 0 ? "" : Buffer.from(silentMp3(rest, sampleRate, bitRateKbps)).toString("base64");
  return triple.repeat((frameCount - rest) / 3) + tail;
}
