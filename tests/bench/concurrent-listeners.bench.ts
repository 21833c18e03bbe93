// Benchmark (c): 100 listeners at once for 60 s against the real API process: 85 replay cached articles,
// 15 keep generating new ones (silence engine, 300 ms upstream latency). Reports the API process's peak RSS
// (VmHWM from /proc, and the highest sampled VmRSS), errors, and latency by kind. Targets: RSS ≤ 400 MB, 0 errors.
//
// Every listener is a closed loop with no pause (the worst case: 100 requests in flight at all times), with an
// X-Forwarded-For address of its own. At that pace one listener passes 10 requests a minute, so the bench
// raises TTS_RATE_LIMIT_PER_MIN; everything else is the production configuration (memory tiers only, the
// daily free limit of 3, which each anonymous listener meets replaying three articles).
import { FREE_DAILY_LIMIT } from "@/lib/free-tier";
import type { RunningProcess } from "../support/processes";
import { getHealth, postTts, sessionToken } from "../support/tts-api";
import { articleOfChars, benchHeading, markdownTable, memoryOf, ms, percentile } from "./support/bench-kit";
import { withBenchServers } from "./support/bench-servers";

const DURATION_MS = 60_000;
const CACHED_LISTENERS = 85;
const GENERATING_LISTENERS = 15;
const CACHED_ARTICLES = 20;
const ARTICLE_CHARS = 4_200; // about 5 minutes of speech
const SECRET = "bench-secret-0123456789abcdef0123456789abcdef";

interface Sample {
  kind: "cached" | "generating";
  ms: number;
  ok: boolean;
  cache: string | null;
}
const samples: Sample[] = [];
const failures = new Map<string, number>();

async function listen(api: RunningProcess, kind: Sample["kind"], { text, ip, token }: { text: string; ip: string; token?: string }) {
  const failed = (why: string) => failures.set(`${kind} ${why}`, (failures.get(`${kind} ${why}`) ?? 0) + 1);
  const started = performance.now();
  let ok = false;
  let cache: string | null = null;
  try {
    const res = await postTts(api.url, { text, token, forwardedFor: ip });
    const body = await res.arrayBuffer();
    ok = res.status === 200 && body.byteLength > 0;
    cache = res.headers.get("x-tts-cache");
    if (!ok) failed(`${res.status} ${new TextDecoder().decode(body).slice(0, 80)}`);
  } catch (error) {
    failed((error as Error).message);
  }
  samples.push({ kind, ms: performance.now() - started, ok, cache });
}

await withBenchServers({ AUTH_SECRET: SECRET, TTS_DAILY_FREE_LIMIT: String(FREE_DAILY_LIMIT) }, async ({ api, voice }) => {
  const pid = api.child.pid!;
  await voice.control({ latencyMs: 300 });
  const cachedSet = Array.from({ length: CACHED_ARTICLES }, () => articleOfChars(ARTICLE_CHARS));
  for (let i = 0; i < cachedSet.length; i += 5) {
    await Promise.all(cachedSet.slice(i, i + 5).map((text, j) => listen(api, "generating", { text, ip: `198.51.100.${i + j + 1}` })));
  }
  samples.length = 0;
  const warmRssMb = memoryOf(pid).rssMb;
  const upstreamBefore = (await voice.stats()).requests;

  let peakSampledMb = 0;
  const sampler = setInterval(() => (peakSampledMb = Math.max(peakSampledMb, memoryOf(pid).rssMb)), 250);
  const deadline = performance.now() + DURATION_MS;
  const premiumTokens = await Promise.all(Array.from({ length: GENERATING_LISTENERS }, (_, i) => sessionToken("premium", `bench-writer-${i}`, SECRET)));

  const cachedListener = async (i: number) => {
    // An anonymous reader replays three articles of the warm set: each counts once against their daily 3.
    const mine = [0, 1, 2].map((k) => cachedSet[(i + k) % CACHED_ARTICLES]);
    for (let n = 0; performance.now() < deadline; n++) {
      await listen(api, "cached", { text: mine[n % mine.length], ip: `10.1.${Math.floor(i / 250)}.${(i % 250) + 1}` });
    }
  };
  const generatingListener = async (i: number) => {
    while (performance.now() < deadline) {
      await listen(api, "generating", { text: articleOfChars(ARTICLE_CHARS), ip: `10.2.0.${i + 1}`, token: premiumTokens[i] });
    }
  };
  await Promise.all([
    ...Array.from({ length: CACHED_LISTENERS }, (_, i) => cachedListener(i)),
    ...Array.from({ length: GENERATING_LISTENERS }, (_, i) => generatingListener(i)),
  ]);
  clearInterval(sampler);

  const memory = memoryOf(pid);
  const health = await getHealth(api.url);
  const upstream = (await voice.stats()).requests - upstreamBefore;
  const row = (kind: Sample["kind"]) => {
    const mine = samples.filter((s) => s.kind === kind);
    const latencies = mine.map((s) => s.ms).sort((a, b) => a - b);
    const hits = mine.filter((s) => s.cache === "article-hit").length;
    return [kind, kind === "cached" ? CACHED_LISTENERS : GENERATING_LISTENERS, mine.length, mine.filter((s) => !s.ok).length, ms(percentile(latencies, 50)), ms(percentile(latencies, 99)), ms(latencies.at(-1) ?? NaN), `${hits}`];
  };
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  console.log(
    benchHeading(
      "100 concurrent listeners",
      import.meta.url,
      `${DURATION_MS / 1000} s; silence engine, 300 ms upstream latency; ${CACHED_ARTICLES} warm ${ARTICLE_CHARS}-character articles, ~3.3 MB responses; closed loops with no pause; TTS_RATE_LIMIT_PER_MIN raised, see the file`,
    ),
  );
  console.log(markdownTable(["listeners", "count", "requests", "errors", "p50", "p99", "max", "article hits"], [row("cached"), row("generating")]));
  console.log("");
  console.log(
    markdownTable(
      ["API peak RSS (VmHWM)", "highest sampled RSS", "RSS after warm-up", "target", "upstream calls", "article LRU at end", "chunk LRU at end", "slots after (active/queued)", "peakConcurrent"],
      [[`${memory.hwmMb.toFixed(0)} MB`, `${peakSampledMb.toFixed(0)} MB`, `${warmRssMb.toFixed(0)} MB`, "≤ 400 MB, 0 errors", upstream, mb(health.tts.cache.article.bytes), mb(health.tts.cache.chunk.bytes), `${health.tts.activeSlots}/${health.tts.queuedRequests}`, health.tts.peakConcurrent]],
    ),
  );
  if (failures.size > 0) console.log(`\nFailures: ${JSON.stringify(Object.fromEntries(failures))}`);
});
