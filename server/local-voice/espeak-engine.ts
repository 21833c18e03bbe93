// The speaking engine: eSpeak NG and LAME in a pool of worker threads (synth-worker.ts).
import type { SpeechEngine, SynthesisJob, SynthesisResult } from "./engine";
import { createWorkerPool } from "./worker-pool";

export function createEspeakEngine(options: { workers: number }): SpeechEngine {
  const pool = createWorkerPool<SynthesisJob, SynthesisResult>({
    size: options.workers,
    workerUrl: new URL("./synth-worker.ts", import.meta.url),
  });
  return {
    name: "espeak",
    get warm() {
      return pool.warm;
    },
    synthesize: (job, signal) => pool.run(job, signal),
    close: () => pool.close(),
  };
}
