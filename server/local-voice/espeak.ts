// eSpeak NG compiled to WebAssembly (GPL-3.0): this server's process is the only place it may be loaded,
// behind HTTP, and only inside the synthesis workers. One instance speaks one text at a time.
import createEspeakModule from "@echogarden/espeak-ng-emscripten";
import type { EspeakEvent } from "./espeak-events";
import type { VoiceProfile } from "./voice-profiles";

export interface Utterance {
  /** Mono samples in [-1, 1]. */
  samples: Float32Array;
  sampleRate: number;
  events: EspeakEvent[];
}

export interface Espeak {
  speak(ssml: string, voice: VoiceProfile): Utterance;
}

interface RawEvent {
  type: string;
  text_position: number;
  audio_position: number;
}

interface EspeakWorker {
  set_voice(name: string): number;
  set_rate(wordsPerMinute: number): void;
  set_pitch(pitch: number): void;
  set_range(range: number): void;
  get_samplerate(): number;
  synthesize(text: string, callback: (samples: Int16Array | null, events: RawEvent[]) => number): void;
}

export async function createEspeak(): Promise<Espeak> {
  const module = (await createEspeakModule()) as { eSpeakNGWorker: new () => EspeakWorker };
  const engine = new module.eSpeakNGWorker();
  const sampleRate = engine.get_samplerate();

  return {
    speak(ssml, voice) {
      if (engine.set_voice(voice.espeakVoice) !== 0) throw new Error(`eSpeak has no voice ${voice.espeakVoice}`);
      engine.set_rate(voice.rate);
      engine.set_pitch(voice.pitch);
      engine.set_range(voice.range);
      const blocks: Int16Array[] = [];
      const events: EspeakEvent[] = [];
      let total = 0;
      engine.synthesize(ssml, (block, blockEvents) => {
        // The block is a view into WASM memory that the next call overwrites.
        if (block && block.length > 0) {
          blocks.push(block.slice());
          total += block.length;
        }
        for (const event of blockEvents) {
          events.push({ type: event.type, textPosition: event.text_position, audioMs: event.audio_position });
        }
        return 0; // 0 = keep going
      });
      const samples = new Float32Array(total);
      let offset = 0;
      for (const block of blocks) {
        for (let i = 0; i < block.length; i++) samples[offset + i] = block[i] / 32768;
        offset += block.length;
      }
      return { samples, sampleRate, events };
    },
  };
}
