// Benchmark (c): 100 listeners at once for 60 s against the real API process: 85 replay cached articles,
// 15 keep generating new ones (silence engine, 300 ms upstream latency; tests/bench/support/listener-mix.ts).
// Reports the API process's peak RSS (VmHWM from /proc, and the highest sampled VmRSS), errors, and latency by
// kind. Targets: RSS ≤ 400 MB, 0 errors.
//
// At the mix's pace one listener passes 10 requests a minute, so the bench raises TTS_RATE_LIMIT_PER_MIN;
// everything else is the production configuration (memory tiers only).
import { FREE_DAILY_LIMIT } from "@/lib/free-tier";
import { benchHeading, markdownTable, memoryOf } from "./support/bench-kit";
import { withBenchServers } from "./support/bench-servers";
import { MIX, runListenerMix } from "./support/listener-mix";

const SECRET = "bench-secret-0123456789abcdef0123456789abcdef";

// The daily free limit back at production's (the bench servers raise it for benches that need it out of the way).
await withBenchServers({ AUTH_SECRET: SECRET, TTS_DAILY_FREE_LIMIT: String(FREE_DAILY_LIMIT) }, async ({ api, voice }) => {
  const pid = api.child.pid!;
  await voice.control({ latencyMs: 300 });
  const result = await runListenerMix({ urls: [api.url], pids: [pid], secret: SECRET, voice });

  const memory = memoryOf(pid);
  const health = (await (await fetch(`${api.url}/health`)).json()) as {
    tts: { activeSlots: number; queuedRequests: number; peakConcurrent: number; cache: { article: { bytes: number }; chunk: { bytes: number } } };
  };
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  console.log(
    benchHeading(
      "100 concurrent listeners",
      import.meta.url,
      `${MIX.durationMs / 1000} s; silence engine, 300 ms upstream latency; ${MIX.cachedArticles} warm ${MIX.articleChars}-character articles, ~3.3 MB responses; closed loops with no pause; TTS_RATE_LIMIT_PER_MIN raised, see the file`,
    ),
  );
  console.log(
    markdownTable(
      ["listeners", "count", "requests", "errors", "p50", "p99", "max", "article hits"],
      [result.row("cached"), result.row("generating")],
    ),
  );
  console.log("");
  console.log(
    markdownTable(
      [
        "API peak RSS (VmHWM)",
        "highest sampled RSS",
        "RSS after warm-up",
        "target",
        "upstream calls",
        "article LRU at end",
        "chunk LRU at end",
        "slots after (active/queued)",
        "peakConcurrent",
      ],
      [
        [
          `${memory.hwmMb.toFixed(0)} MB`,
          `${result.peakSampledMb[0].toFixed(0)} MB`,
          `${result.warmRssMb[0].toFixed(0)} MB`,
          "≤ 400 MB, 0 errors",
          result.upstream,
          mb(health.tts.cache.article.bytes),
          mb(health.tts.cache.chunk.bytes),
          `${health.tts.activeSlots}/${health.tts.queuedRequests}`,
          health.tts.peakConcurrent,
        ],
      ],
    ),
  );
  if (result.failures.size > 0) console.log(`\nFailures: ${JSON.stringify(Object.fromEntries(result.failures))}`);
});
