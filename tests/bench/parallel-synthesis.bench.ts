// Benchmark (a): wall time of an uncached article of N chunks through the real API, against the target
// 1.05 × ceil(N/3) × L (three chunks in flight per request) and against sequential N × L. The local voice
// server runs the silence engine with a fixed latency L, so the upstream cost is known exactly.
import { startApi, startLocalVoice, type RunningProcess } from "../support/processes";
import { voiceControl } from "../support/voice-control";
import { articleOfChunks, markdownTable, ms, today } from "./support/bench-kit";

const RUNS = 3;
const SETS: Array<{ latencyMs: number; chunks: number[] }> = [
  { latencyMs: 1_000, chunks: [3, 6, 9, 12] },
  // Issue 2's set, at short latency. Its 56 full chunks (98,000 characters) would make ~53 MB of MP3 at the
  // silence engine's speaking rate, over the 50 MB audio cap (a 502 by design), so the long case is 48 chunks.
  { latencyMs: 300, chunks: [1, 4, 8, 16, 48] },
];

async function speak(api: RunningProcess, text: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${api.url}/api/tts`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text }) });
  if (res.status !== 200) throw new Error(`/api/tts answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
  return performance.now() - started;
}

const voiceServer = await startLocalVoice({ LOCAL_VOICE_ENGINE: "silence" });
const api = await startApi({
  INWORLD_API_KEY: "bench",
  INWORLD_BASE_URL: voiceServer.url,
  REDIS_URL: "",
  TTS_RATE_LIMIT_PER_MIN: "100000",
  TTS_DAILY_FREE_LIMIT: "100000",
});
const voice = voiceControl(voiceServer.url);
try {
  await speak(api, articleOfChunks(3)); // warm-up: JIT, connections, worker threads
  const tables: string[] = [];
  for (const { latencyMs, chunks } of SETS) {
    await voice.control({ latencyMs });
    const rows = [];
    for (const n of chunks) {
      const walls: number[] = [];
      for (let run = 0; run < RUNS; run++) walls.push(await speak(api, articleOfChunks(n)));
      walls.sort((a, b) => a - b);
      const median = walls[Math.floor(walls.length / 2)];
      const ideal = Math.ceil(n / 3) * latencyMs;
      const target = 1.05 * ideal;
      rows.push([n, ms(median), ms(walls[walls.length - 1]), ms(ideal), ms(target), ms(n * latencyMs), (median / ideal).toFixed(3), median <= target ? "yes" : "**no**"]);
    }
    tables.push(
      `L = ${latencyMs} ms, median of ${RUNS} runs (each a new, uncached article):\n\n` +
        markdownTable(["chunks N", "wall (median)", "wall (worst)", "ideal ceil(N/3)×L", "target 1.05×ideal", "sequential N×L", "median / ideal", "meets target"], rows),
    );
  }
  console.log(`### Parallel synthesis (uncached article)\n\n${today()}, 2 cores, \`node_modules/.bin/bun tests/bench/parallel-synthesis.bench.ts\` (silence engine, voice latency L, TTS_CHUNK_CONCURRENCY 3)\n`);
  console.log(tables.join("\n\n"));
} finally {
  await api.stop();
  await voiceServer.stop();
}
