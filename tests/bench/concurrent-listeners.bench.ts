// Benchmark (c): 100 listeners at once against the real API process, measured against the machine's own limit
// in the same minutes (tests/bench/support/listener-mix.ts): 85 replay cached articles, 15 keep generating new
// ones (silence engine, 300 ms upstream latency); the 85 also run alone against a plain server sending the same
// bytes from memory, before and after. Targets: cached req/s ≥ 0.8 × static and p50 ≤ 1.5 × static while the 15
// generate; generating p50 ≤ 1.5 × the ideal schedule; API peak RSS ≤ 400 MB; 0 errors.
//
// At the mix's pace one listener passes 10 requests a minute, so the bench raises TTS_RATE_LIMIT_PER_MIN;
// everything else is the production configuration (memory tiers only).
import { FREE_DAILY_LIMIT } from "@/lib/free-tier";
import { startBunServer } from "../support/processes";
import { benchHeading } from "./support/bench-kit";
import { withBenchServers } from "./support/bench-servers";
import { listenerTables, MIX, runListenerBench } from "./support/listener-mix";

const SECRET = "bench-secret-0123456789abcdef0123456789abcdef";

// The daily free limit back at production's (the bench servers raise it for benches that need it out of the way).
await withBenchServers({ AUTH_SECRET: SECRET, TTS_DAILY_FREE_LIMIT: String(FREE_DAILY_LIMIT) }, async ({ api, voice, voiceServer }) => {
  const staticServer = await startBunServer("tests/bench/support/static-server.ts");
  try {
    await voice.control({ latencyMs: MIX.upstreamLatencyMs });
    const result = await runListenerBench({
      urls: [api.url],
      pids: [api.child.pid!],
      statics: [{ url: staticServer.url, pid: staticServer.child.pid! }],
      voicePid: voiceServer.child.pid!,
      secret: SECRET,
      voice,
    });
    console.log(
      benchHeading(
        "100 concurrent listeners",
        import.meta.url,
        `phases of ${MIX.phaseMs / 1000} s static, ${MIX.phaseMs / 1000} s hits alone, ${MIX.durationMs / 1000} s mix, ${MIX.phaseMs / 1000} s static; silence engine, ${MIX.upstreamLatencyMs} ms upstream latency; ${MIX.cachedArticles} warm ${MIX.articleChars}-character articles, ~3.3 MB responses; closed loops with no pause; TTS_RATE_LIMIT_PER_MIN raised, see the file`,
      ),
    );
    console.log(listenerTables(result));
    const health = (await (await fetch(`${api.url}/health`)).json()) as { tts: { cache: { article: { bytes: number }; chunk: { bytes: number } } } };
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
    console.log(`\nMemory tiers at the end (payload): article ${mb(health.tts.cache.article.bytes)}, chunk ${mb(health.tts.cache.chunk.bytes)}.`);
  } finally {
    await staticServer.stop();
  }
});
