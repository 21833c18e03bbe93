// Benchmark: time to first audio on /api/tts/stream (the first chunk line received) for uncached articles of
// N chunks, next to the wall time of the whole stream and of /api/tts for an article of the same shape. The
// voice server's latency grows with the text (a fixed part plus a per-character part, as Inworld's does), so
// the short opening chunk answers sooner than a full one. Targets (docs/architecture.md): first audio ≤ 1.2 × chunk 0's
// upstream latency, flat in N; whole article ≤ 1.05 × ceil(N/3) × L, L being a full chunk's latency.
import { cleanTextForTTS } from "@/lib/text/clean-text";
import { planTTSChunks } from "@/lib/text/chunk-plan";
import { postTtsStream, streamLines } from "../support/tts-stream";
import { articleOfChunks, markdownTable, ms, today } from "./support/bench-kit";
import { startSynthesisBench } from "./support/synthesis-bench";

const RUNS = 3;
const SIZES = [1, 8, 24, 56];
const LATENCY_MS = 700;
const LATENCY_PER_CHAR_MS = 0.17;
// Full chunks of ~1,500 characters: 56 chunks of 1,750 would pass the 50 MB audio cap at the silence engine's
// speaking rate (see the parallel synthesis table).
const CHUNK_CHARS = 1_500;

const upstreamMs = (chars: number) => LATENCY_MS + LATENCY_PER_CHAR_MS * chars;

async function streamTimes(apiUrl: string, text: string) {
  const started = performance.now();
  const res = await postTtsStream(apiUrl, { text });
  if (res.status !== 200) throw new Error(`/api/tts/stream answered ${res.status}: ${await res.text()}`);
  let firstAudioMs = NaN;
  for await (const line of streamLines(res)) {
    if (line.type === "chunk" && Number.isNaN(firstAudioMs)) firstAudioMs = performance.now() - started;
    if (line.type === "error") throw new Error(`the stream failed: ${line.code}`);
  }
  return { firstAudioMs, wholeMs: performance.now() - started };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const bench = await startSynthesisBench();
try {
  await streamTimes(bench.apiUrl, articleOfChunks(3, CHUNK_CHARS)); // warm-up: JIT, connections, worker threads
  await bench.voice.control({ latencyMs: LATENCY_MS, latencyPerCharMs: LATENCY_PER_CHAR_MS });
  const fullMs = upstreamMs(CHUNK_CHARS);
  const rows = [];
  for (const n of SIZES) {
    const first: number[] = [];
    const whole: number[] = [];
    const single: number[] = [];
    let chunk0Ms = 0;
    for (let run = 0; run < RUNS; run++) {
      // A new article for each measure, so nothing is cached.
      const text = articleOfChunks(n, CHUNK_CHARS);
      chunk0Ms = upstreamMs(planTTSChunks(cleanTextForTTS(text))[0].text.length);
      const times = await streamTimes(bench.apiUrl, text);
      first.push(times.firstAudioMs);
      whole.push(times.wholeMs);
      single.push(await bench.speak({ text: articleOfChunks(n, CHUNK_CHARS) }));
    }
    const target = 1.05 * Math.ceil(n / 3) * fullMs;
    rows.push([
      n,
      ms(chunk0Ms),
      ms(median(first)),
      ms(Math.max(...first)),
      (median(first) / chunk0Ms).toFixed(3),
      median(first) <= 1.2 * chunk0Ms ? "yes" : "**no**",
      ms(median(whole)),
      ms(median(single)),
      ms(target),
      median(whole) <= target ? "yes" : "**no**",
    ]);
  }
  console.log(
    `### Time to first audio (stream)\n\n${today()}, 2 cores, \`node_modules/.bin/bun tests/bench/first-audio.bench.ts\` (silence engine, ` +
      `upstream latency ${LATENCY_MS} ms + ${LATENCY_PER_CHAR_MS} ms per character, so L = ${ms(fullMs)} for a full chunk of ~${CHUNK_CHARS} ` +
      `characters; TTS_CHUNK_CONCURRENCY 3; median of ${RUNS} runs, each a new article)\n`,
  );
  console.log(
    markdownTable(
      [
        "chunks N",
        "chunk 0 upstream",
        "first audio (median)",
        "first audio (worst)",
        "first audio / chunk 0",
        "≤ 1.2 × chunk 0",
        "whole stream (median)",
        "/api/tts (median)",
        "target 1.05×ceil(N/3)×L",
        "stream meets target",
      ],
      rows,
    ),
  );
} finally {
  await bench.stop();
}
