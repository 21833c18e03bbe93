// The 100-listener load of the concurrent-listeners and replicas benchmarks: 85 listeners replay cached
// articles, 15 keep generating new ones, for 60 s, each a closed loop with no pause (the worst case: 100
// requests in flight at all times) and an X-Forwarded-For address of its own. Listener i talks to `urls[i % n]`,
// so with several replicas the load alternates between them. Measures latency by kind, errors, the upstream
// calls of the measured minute, and each API process's RSS (sampled every 250 ms).
import { cleanTextForTTS } from "@/lib/text/clean-text";
import { planTTSChunks } from "@/lib/text/chunk-plan";
import { sessionToken } from "../../support/tts-api";
import type { voiceControl } from "../../support/voice-control";
import { articleOfChars, memoryOf, ms, percentile } from "./bench-kit";

export const MIX = { durationMs: 60_000, cachedListeners: 85, generatingListeners: 15, cachedArticles: 20, articleChars: 4_200 };

export interface Sample {
  kind: "cached" | "generating";
  ms: number;
  ok: boolean;
  cache: string | null;
}

export interface MixResult {
  samples: Sample[];
  failures: Map<string, number>;
  /** per API process, in the order of `pids` */
  warmRssMb: number[];
  peakSampledMb: number[];
  /** upstream calls during the measured run (after the warm-up) */
  upstream: number;
  /** upstream calls the generating listeners' distinct articles need, one per chunk */
  distinctArticleChunks: number;
  /** one table row per kind: kind, listeners, requests, errors, p50, p99, max, article hits */
  row(kind: Sample["kind"]): Array<string | number>;
}

export async function runListenerMix({
  urls,
  pids,
  secret,
  voice,
  generatingText = () => articleOfChars(MIX.articleChars),
}: {
  urls: string[];
  pids: number[];
  /** the APIs' AUTH_SECRET: generating listeners are premium readers */
  secret: string;
  voice: ReturnType<typeof voiceControl>;
  /** the article generating listener `listener` asks for on its `round`-th request; a fresh one by default */
  generatingText?: (listener: number, round: number) => string;
}): Promise<MixResult> {
  const samples: Sample[] = [];
  const failures = new Map<string, number>();
  const urlFor = (i: number) => urls[i % urls.length];

  async function listen(kind: Sample["kind"], url: string, init: { text: string; ip: string; token?: string }) {
    const headers: Record<string, string> = { "Content-Type": "application/json", "X-Forwarded-For": init.ip };
    if (init.token) headers.Authorization = `Bearer ${init.token}`;
    const started = performance.now();
    let ok = false;
    let cache: string | null = null;
    const fail = (what: string) => failures.set(what, (failures.get(what) ?? 0) + 1);
    try {
      const res = await fetch(`${url}/api/tts`, { method: "POST", headers, body: JSON.stringify({ text: init.text }) });
      const body = await res.arrayBuffer();
      ok = res.status === 200 && body.byteLength > 0;
      cache = res.headers.get("x-tts-cache");
      if (!ok) fail(`${kind} ${res.status} ${new TextDecoder().decode(body).slice(0, 80)}`);
    } catch (error) {
      fail(`${kind} ${(error as Error).message}`);
    }
    samples.push({ kind, ms: performance.now() - started, ok, cache });
  }

  const cachedSet = Array.from({ length: MIX.cachedArticles }, () => articleOfChars(MIX.articleChars));
  for (let i = 0; i < cachedSet.length; i += 5) {
    await Promise.all(cachedSet.slice(i, i + 5).map((text, j) => listen("generating", urlFor(i + j), { text, ip: `198.51.100.${i + j + 1}` })));
  }
  samples.length = 0;
  const warmRssMb = pids.map((pid) => memoryOf(pid).rssMb);
  const upstreamBefore = (await voice.stats()).requests;

  const peakSampledMb = pids.map(() => 0);
  const sampler = setInterval(() => pids.forEach((pid, i) => (peakSampledMb[i] = Math.max(peakSampledMb[i], memoryOf(pid).rssMb))), 250);
  const deadline = performance.now() + MIX.durationMs;
  const premiumTokens = await Promise.all(
    Array.from({ length: MIX.generatingListeners }, (_, i) => sessionToken("premium", `bench-writer-${i}`, secret)),
  );
  const generated = new Set<string>();

  const cachedListener = async (i: number) => {
    // An anonymous reader replays three articles of the warm set: each counts once against their daily 3.
    const mine = [0, 1, 2].map((k) => cachedSet[(i + k) % MIX.cachedArticles]);
    for (let n = 0; performance.now() < deadline; n++) {
      await listen("cached", urlFor(i), { text: mine[n % mine.length], ip: `10.1.${Math.floor(i / 250)}.${(i % 250) + 1}` });
    }
  };
  const generatingListener = async (i: number) => {
    for (let n = 0; performance.now() < deadline; n++) {
      const text = generatingText(i, n);
      generated.add(text);
      await listen("generating", urlFor(i), { text, ip: `10.2.0.${i + 1}`, token: premiumTokens[i] });
    }
  };
  await Promise.all([
    ...Array.from({ length: MIX.cachedListeners }, (_, i) => cachedListener(i)),
    ...Array.from({ length: MIX.generatingListeners }, (_, i) => generatingListener(i)),
  ]);
  clearInterval(sampler);
  const upstream = (await voice.stats()).requests - upstreamBefore;
  const distinctArticleChunks = [...generated].reduce((sum, text) => sum + planTTSChunks(cleanTextForTTS(text)).length, 0);

  const row = (kind: Sample["kind"]) => {
    const mine = samples.filter((s) => s.kind === kind);
    const latencies = mine.map((s) => s.ms).sort((a, b) => a - b);
    const hits = mine.filter((s) => s.cache === "article-hit").length;
    const listeners = kind === "cached" ? MIX.cachedListeners : MIX.generatingListeners;
    return [
      kind,
      listeners,
      mine.length,
      mine.filter((s) => !s.ok).length,
      ms(percentile(latencies, 50)),
      ms(percentile(latencies, 99)),
      ms(latencies.at(-1) ?? NaN),
      `${hits}`,
    ];
  };
  return { samples, failures, warmRssMb, peakSampledMb, upstream, distinctArticleChunks, row };
}
