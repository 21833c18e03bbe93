// One synthesis job from text to MP3 and per-character times; runs inside a worker (synth-worker.ts).
import { parseMp3DurationMs } from "../../lib/mp3/duration";
import { characterTimes } from "./char-timing";
import type { SynthesisJob, SynthesisResult } from "./engine";
import type { Espeak } from "./espeak";
import { spansFromEspeakEvents } from "./espeak-events";
import { LAME_DELAY_SAMPLES, type Mp3Encoder } from "./mp3-encoder";
import { resampleLinear } from "./resample";
import { escapeForEspeak } from "./ssml";

// Text with nothing to say ("...") still gets a playable file of a few frames.
const MIN_SPEECH_SECONDS = 0.1;

export function renderSpeech(job: SynthesisJob, espeak: Espeak, encoder: Mp3Encoder): SynthesisResult {
  const { ssml, sourceIndex } = escapeForEspeak(job.text);
  const utterance = espeak.speak(ssml, job.voice);
  let samples = resampleLinear(utterance.samples, utterance.sampleRate, job.sampleRate);
  const minimum = Math.ceil(MIN_SPEECH_SECONDS * job.sampleRate);
  if (samples.length < minimum) {
    const padded = new Float32Array(minimum);
    padded.set(samples);
    samples = padded;
  }
  const mp3 = encoder.encode(samples, job.sampleRate, job.bitRateKbps);
  const durationSeconds = parseMp3DurationMs(mp3) / 1000;

  const speechSeconds = samples.length / job.sampleRate;
  const spans = spansFromEspeakEvents(job.text, sourceIndex, utterance.events, speechSeconds);
  const delay = LAME_DELAY_SAMPLES / job.sampleRate;
  const shifted = spans.map((span) => ({ ...span, startTime: span.startTime + delay, endTime: span.endTime + delay }));
  const { starts, ends } = characterTimes(job.text.length, shifted, Math.min(speechSeconds + delay, durationSeconds));
  return { mp3, durationSeconds, starts, ends };
}
