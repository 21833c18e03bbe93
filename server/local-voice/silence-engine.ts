// The engine for load tests and benchmarks: silence as long as speech of the text would be, with timings
// that move through the text at a speaking pace, and no synthesis or encoding at all.
import { characterTimes, type TimedSpan } from "./char-timing";
import type { SpeechEngine } from "./engine";
import { samplesPerFrame } from "./mp3-format";
import { silentMp3, silentMp3Base64 } from "./mp3-silence";

/** About what eSpeak and Inworld's voices manage in English prose. */
export const SPOKEN_CHARACTERS_PER_SECOND = 14;

export function createSilenceEngine(): SpeechEngine {
  return {
    name: "silence",
    warm: true,
    async synthesize({ text, sampleRate, bitRateKbps }) {
      const speechSeconds = Math.max(text.length / SPOKEN_CHARACTERS_PER_SECOND, 0.1);
      const frameCount = Math.ceil((speechSeconds * sampleRate) / samplesPerFrame(sampleRate));
      const durationSeconds = (frameCount * samplesPerFrame(sampleRate)) / sampleRate;
      const spans: TimedSpan[] = [];
      for (const word of text.matchAll(/\S+/g)) {
        const start = word.index;
        const end = start + word[0].length;
        spans.push({ start, end, startTime: start / SPOKEN_CHARACTERS_PER_SECOND, endTime: end / SPOKEN_CHARACTERS_PER_SECOND });
      }
      const { starts, ends } = characterTimes(text.length, spans, durationSeconds);
      return {
        // Built only when read: the HTTP layer sends mp3Base64 and never touches the bytes.
        get mp3() {
          return silentMp3(frameCount, sampleRate, bitRateKbps);
        },
        mp3Base64: silentMp3Base64(frameCount, sampleRate, bitRateKbps),
        durationSeconds,
        starts,
        ends,
      };
    },
    close: async () => {},
  };
}
