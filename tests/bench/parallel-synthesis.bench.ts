// Benchmark (a): wall time of an uncached article of N chunks through the real API, against the target
// 1.05 × ceil(N/3) × L (three chunks in flight per request) and against sequential N × L. The local voice
// server runs the silence engine with a fixed latency L, so the upstream cost is known exactly.
import { withBenchServers, ttsWallMs } from "./support/bench-servers";
import { articleOfChunks, benchHeading, markdownTable, median, ms } from "./support/bench-kit";

const RUNS = 3;
const SETS: Array<{ latencyMs: number; chunks: number[] }> = [
  { latencyMs: 1_000, chunks: [3, 6, 9, 12] },
  // Issue 2's set, at short latency. Its 56 full chunks (98,000 characters) would make ~53 MB of MP3 at the
  // silence engine's speaking rate, over the 50 MB audio cap (a 502 by design), so the long case is 48 chunks.
  { latencyMs: 300, chunks: [1, 4, 8, 16, 48] },
];

await withBenchServers({}, async ({ api, voice }) => {
  await ttsWallMs(api, articleOfChunks(3)); // warm-up: JIT, connections, worker threads
  const tables: string[] = [];
  for (const { latencyMs, chunks } of SETS) {
    await voice.control({ latencyMs });
    const rows = [];
    for (const n of chunks) {
      const walls: number[] = [];
      for (let run = 0; run < RUNS; run++) walls.push(await ttsWallMs(api, articleOfChunks(n)));
      const wall = median(walls);
      const ideal = Math.ceil(n / 3) * latencyMs;
      const target = 1.05 * ideal;
      rows.push([
        n,
        ms(wall),
        ms(Math.max(...walls)),
        ms(ideal),
        ms(target),
        ms(n * latencyMs),
        (wall / ideal).toFixed(3),
        wall <= target ? "yes" : "**no**",
      ]);
    }
    tables.push(
      `L = ${latencyMs} ms, median of ${RUNS} runs (each a new, uncached article):\n\n` +
        markdownTable(
          ["chunks N", "wall (median)", "wall (worst)", "ideal ceil(N/3)×L", "target 1.05×ideal", "sequential N×L", "median / ideal", "meets target"],
          rows,
        ),
    );
  }
  console.log(benchHeading("Parallel synthesis (uncached article)", import.meta.url, "silence engine, voice latency L, TTS_CHUNK_CONCURRENCY 3"));
  console.log(tables.join("\n\n"));
});
