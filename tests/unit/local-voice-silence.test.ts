import { describe, expect, it } from "vitest";
import { parseMp3DurationMs } from "@/lib/mp3/duration";
import { parseFrameHeader } from "@/lib/mp3/frame-header";
import { silentFrame, silentMp3, silentMp3Base64 } from "@/server/local-voice/mp3-silence";
import { createSilenceEngine, SPOKEN_CHARACTERS_PER_SECOND } from "@/server/local-voice/silence-engine";
import { voiceProfile } from "@/server/local-voice/voice-profiles";

describe("silent MP3 frames", () => {
  it.each([
    [44100, 64],
    [48000, 128],
    [22050, 32],
    [8000, 8],
  ])("builds a mono Layer III frame at %i Hz, %i kbps with empty side information", (sampleRate, kbps) => {
    const frame = silentFrame(sampleRate, kbps);
    const header = parseFrameHeader(frame, 0);
    expect(header).toMatchObject({ sampleRate, bitrateKbps: kbps, channels: 1, hasCrc: false, frameLength: frame.length });
    expect(frame.subarray(4).every((byte) => byte === 0)).toBe(true);
  });

  it("repeats the frame into a stream whose decoded length is frames × 1152 samples", () => {
    const mp3 = silentMp3(100, 44100, 64);
    expect(parseMp3DurationMs(mp3)).toBeCloseTo((100 * 1152 * 1000) / 44100, 6);
  });

  it.each([1, 2, 3, 4, 5, 99, 100, 101])("gives the base64 of %i frames without encoding them, equal to encoding them", (count) => {
    for (const [sampleRate, kbps] of [
      [44100, 64],
      [22050, 32],
      [48000, 128],
    ]) {
      expect(silentMp3Base64(count, sampleRate, kbps)).toBe(Buffer.from(silentMp3(count, sampleRate, kbps)).toString("base64"));
    }
  });

  it("rejects a bitrate that does not exist at the sample rate", () => {
    expect(() => silentFrame(22050, 320)).toThrow(RangeError);
  });
});

describe("silence engine", () => {
  it("lasts as long as speech of the text would, with ordered times inside the audio", async () => {
    const text = "A short sentence, then another one. ".repeat(10);
    const result = await createSilenceEngine().synthesize({
      text,
      voice: voiceProfile("Ashley")!,
      sampleRate: 44100,
      bitRateKbps: 64,
    });
    expect(result.durationSeconds).toBeCloseTo(parseMp3DurationMs(result.mp3) / 1000, 9);
    expect(result.durationSeconds).toBeGreaterThanOrEqual(text.length / SPOKEN_CHARACTERS_PER_SECOND);
    expect(result.durationSeconds).toBeLessThan(text.length / SPOKEN_CHARACTERS_PER_SECOND + 0.1);
    expect(result.starts.length).toBe(text.length);
    for (let i = 1; i < text.length; i++) expect(result.starts[i]).toBeGreaterThanOrEqual(result.starts[i - 1]);
    expect(result.ends.at(-1)).toBeLessThanOrEqual(result.durationSeconds);
  });
});
