// Benchmark (c): 100 listeners at once for 60 s against the real API process: 85 replay cached articles,
// 15 keep generating new ones (silence engine, 300 ms upstream latency; tests/bench/support/listener-mix.ts).
// Reports the API process's peak RSS (VmHWM from /proc, and the highest sampled VmRSS), errors, and latency by
// kind. Targets: RSS ≤ 400 MB, 0 errors.
//
// At the mix's pace one listener passes 10 requests a minute, so the bench raises TTS_RATE_LIMIT_PER_MIN;
// everything else is the production configuration (memory tiers only).
import { startApi, startLocalVoice } from "../support/processes";
import { voiceControl } from "../support/voice-control";
import { markdownTable, memoryOf, today } from "./support/bench-kit";
import { MIX, runListenerMix } from "./support/listener-mix";

const SECRET = "bench-secret-0123456789abcdef0123456789abcdef";

const voiceServer = await startLocalVoice({ LOCAL_VOICE_ENGINE: "silence" });
const api = await startApi({
  INWORLD_API_KEY: "bench",
  INWORLD_BASE_URL: voiceServer.url,
  REDIS_URL: "",
  AUTH_SECRET: SECRET,
  TTS_RATE_LIMIT_PER_MIN: "100000",
});
const voice = voiceControl(voiceServer.url);
const pid = api.child.pid!;

try {
  await voice.control({ latencyMs: 300 });
  const result = await runListenerMix({ urls: [api.url], pids: [pid], secret: SECRET, voice });

  const memory = memoryOf(pid);
  const health = (await (await fetch(`${api.url}/health`)).json()) as { tts: { activeSlots: number; queuedRequests: number; peakConcurrent: number; cache: { article: { bytes: number }; chunk: { bytes: number } } } };
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  console.log(`### 100 concurrent listeners\n\n${today()}, 2 cores, \`node_modules/.bin/bun tests/bench/concurrent-listeners.bench.ts\` (${MIX.durationMs / 1000} s; silence engine, 300 ms upstream latency; ${MIX.cachedArticles} warm ${MIX.articleChars}-character articles, ~3.3 MB responses; closed loops with no pause; TTS_RATE_LIMIT_PER_MIN raised, see the file)\n`);
  console.log(markdownTable(["listeners", "count", "requests", "errors", "p50", "p99", "max", "article hits"], [result.row("cached"), result.row("generating")]));
  console.log("");
  console.log(
    markdownTable(
      ["API peak RSS (VmHWM)", "highest sampled RSS", "RSS after warm-up", "target", "upstream calls", "article LRU at end", "chunk LRU at end", "slots after (active/queued)", "peakConcurrent"],
      [[`${memory.hwmMb.toFixed(0)} MB`, `${result.peakSampledMb[0].toFixed(0)} MB`, `${result.warmRssMb[0].toFixed(0)} MB`, "≤ 400 MB, 0 errors", result.upstream, mb(health.tts.cache.article.bytes), mb(health.tts.cache.chunk.bytes), `${health.tts.activeSlots}/${health.tts.queuedRequests}`, health.tts.peakConcurrent]],
    ),
  );
  if (result.failures.size > 0) console.log(`\nFailures: ${JSON.stringify(Object.fromEntries(result.failures))}`);
} finally {
  await api.stop();
  await voiceServer.stop();
}
