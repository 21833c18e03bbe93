// A synthesis worker thread (see worker-pool.ts). eSpeak and LAME load, and speak one phrase, as soon as
// the thread starts, so the first request does not pay for loading voice data or compiling hot code; then the
// worker tells the pool it is ready, which the server's /health reports as `warm`.
import { parentPort } from "node:worker_threads";
import { DEFAULT_VOICE } from "../../lib/voices";
import type { SynthesisJob, SynthesisResult } from "./engine";
import { createEspeak } from "./espeak";
import { createEncoder } from "./mp3-encoder";
import { renderSpeech } from "./render-speech";
import { voiceProfile } from "./voice-profiles";
import { WORKER_READY, type WorkerReply } from "./worker-pool";

const port = parentPort;
if (!port) throw new Error("synth-worker.ts runs only as a worker thread");

const ready = Promise.all([createEspeak(), createEncoder()]).then(([espeak, encoder]) => {
  const voice = voiceProfile(DEFAULT_VOICE);
  if (voice) renderSpeech({ text: "Ready when you are.", voice, sampleRate: 44100, bitRateKbps: 64 }, espeak, encoder);
  return { espeak, encoder };
});
// The pool counts this worker warm from now on (worker-pool.ts); a worker that failed to load never says so.
void ready.then(() => port.postMessage(WORKER_READY));

port.on("message", async ({ id, input }: { id: number; input: SynthesisJob }) => {
  let reply: WorkerReply<SynthesisResult>;
  try {
    const { espeak, encoder } = await ready;
    reply = { id, ok: true, value: renderSpeech(input, espeak, encoder) };
  } catch (error) {
    reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const transfer = reply.ok ? [reply.value.mp3.buffer, reply.value.starts.buffer, reply.value.ends.buffer] : [];
  port.postMessage(reply, transfer as ArrayBuffer[]);
});
