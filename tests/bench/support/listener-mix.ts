// The 100-listener load of the concurrent-listeners and replicas benchmarks, measured against the machine's own
// limit in the same minutes. 85 listeners replay cached articles, 15 keep generating new ones, each a closed loop
// with no pause (the worst case: 100 requests in flight at all times) and an X-Forwarded-For address of its own.
// Listener i talks to `urls[i % n]`, so with several replicas the load alternates between them.
//
// The phases, one after the other in one process tree:
//   static   the 85 cached listeners against plain servers (static-server.ts, one per replica) sending the very
//            bytes the API answers, from memory: the baseline;
//   hits     the 85 against the API alone: what a hit costs (CPU per hit);
//   mix      the 85 and the 15 generating listeners against the API for `durationMs`: the measurement;
//   static   the baseline again, so that drift in the machine's other load falls on both sides.
// CPU time is read from /proc for every process (the API, the voice server, the static servers) and from the
// bench's own process (the load generator).
import { loadavg } from "node:os";
import { readFileSync } from "node:fs";
import { cleanTextForTTS } from "@/lib/text/clean-text";
import { planTTSChunks } from "@/lib/text/chunk-plan";
import { sessionToken } from "../../support/tts-api";
import type { VoiceControl } from "../../support/voice-control";
import { articleOfChars, markdownTable, memoryOf, ms, percentile } from "./bench-kit";

export const MIX = {
  durationMs: 60_000,
  /** each of the two static phases and the hits-alone phase */
  phaseMs: 15_000,
  cachedListeners: 85,
  generatingListeners: 15,
  cachedArticles: 20,
  articleChars: 4_200,
  upstreamLatencyMs: 300,
  /** TTS_CHUNK_CONCURRENCY's default */
  chunkConcurrency: 3,
};

type Kind = "cached" | "generating";

interface Sample {
  kind: Kind;
  ms: number;
  ok: boolean;
  cache: string | null;
}

interface Phase {
  samples: Sample[];
  wallMs: number;
  /** CPU seconds over the phase, per process */
  cpu: { api: number[]; voice: number; statics: number[]; client: number };
}

export interface ListenerBench {
  static: Phase[];
  hits: Phase;
  mix: Phase;
  failures: Map<string, number>;
  load: { before: number[]; after: number[] };
  /** per API process, in the order of `pids`: before any request, and once the warm set is cached */
  idleRssMb: number[];
  warmRssMb: number[];
  peakSampledMb: number[];
  hwmMb: number[];
  /** upstream calls during the mix */
  upstream: number;
  /** upstream calls the generating listeners' distinct articles need, one per chunk */
  distinctArticleChunks: number;
  /** chunks of one generating article */
  chunksPerArticle: number;
}

export interface ListenerBenchOptions {
  urls: string[];
  pids: number[];
  /** the static servers, one per API process */
  statics: Array<{ url: string; pid: number }>;
  voicePid: number;
  /** the APIs' AUTH_SECRET: generating listeners are premium readers */
  secret: string;
  voice: VoiceControl;
  /** the article generating listener `listener` asks for on its `round`-th request; a fresh one by default */
  generatingText?: (listener: number, round: number) => string;
}

const TICKS_PER_SECOND = 100;

/** User plus system CPU seconds of a process so far (/proc/PID/stat, fields 14 and 15). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

const clientCpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

export async function runListenerBench(options: ListenerBenchOptions): Promise<ListenerBench> {
  const { urls, pids, statics, voicePid, secret, voice, generatingText = () => articleOfChars(MIX.articleChars) } = options;
  const failures = new Map<string, number>();
  const fail = (what: string) => failures.set(what, (failures.get(what) ?? 0) + 1);
  const urlFor = (i: number) => urls[i % urls.length];

  async function listen(samples: Sample[], kind: Kind, url: string, init: { text: string; ip: string; token?: string }) {
    const headers: Record<string, string> = { "Content-Type": "application/json", "X-Forwarded-For": init.ip };
    if (init.token) headers.Authorization = `Bearer ${init.token}`;
    const started = performance.now();
    let ok = false;
    let cache: string | null = null;
    let body = new ArrayBuffer(0);
    try {
      const res = await fetch(url, { method: "POST", headers, body: JSON.stringify({ text: init.text }) });
      body = await res.arrayBuffer();
      ok = res.status === 200 && body.byteLength > 0;
      cache = res.headers.get("x-tts-cache");
      if (!ok) fail(`${kind} ${res.status} ${new TextDecoder().decode(body).slice(0, 80)}`);
    } catch (error) {
      fail(`${kind} ${(error as Error).message}`);
    }
    samples.push({ kind, ms: performance.now() - started, ok, cache });
    return body;
  }

  const idleRssMb = pids.map((pid) => memoryOf(pid).rssMb);
  // The warm set, generated five at a time; then each article's body, which the static servers store.
  const cachedSet = Array.from({ length: MIX.cachedArticles }, () => articleOfChars(MIX.articleChars));
  const warm: Sample[] = [];
  for (let i = 0; i < cachedSet.length; i += 5) {
    await Promise.all(
      cachedSet.slice(i, i + 5).map((text, j) => listen(warm, "generating", `${urlFor(i + j)}/api/tts`, { text, ip: `198.51.100.${i + j + 1}` })),
    );
  }
  // Every replica's memory tier gets every article (the others' copy is in Redis only for premium readers).
  for (const [i, text] of cachedSet.entries()) {
    let body = new ArrayBuffer(0);
    for (const url of urls) {
      body = await listen(warm, "cached", `${url}/api/tts`, { text, ip: `198.51.100.${i + 1}` });
      const cache = warm.at(-1)?.cache;
      if (cache !== "article-hit" && cache !== "chunk-hit") throw new Error(`article ${i} is not cached on ${url}: ${cache}`);
    }
    for (const { url } of statics) {
      const stored = await fetch(`${url}/static/${i}`, { method: "PUT", body });
      if (stored.status !== 204) throw new Error(`storing body ${i} failed: ${stored.status}`);
    }
  }
  const warmRssMb = pids.map((pid) => memoryOf(pid).rssMb);
  const premiumTokens = await Promise.all(
    Array.from({ length: MIX.generatingListeners }, (_, i) => sessionToken("premium", `bench-writer-${i}`, secret)),
  );

  async function phase(durationMs: number, target: "static" | "api", generating: boolean): Promise<Phase> {
    const samples: Sample[] = [];
    const before = {
      api: pids.map(cpuSeconds),
      voice: cpuSeconds(voicePid),
      statics: statics.map((s) => cpuSeconds(s.pid)),
      client: clientCpuSeconds(),
    };
    const started = performance.now();
    const deadline = started + durationMs;
    const cachedListener = async (i: number) => {
      // An anonymous reader replays three articles of the warm set: each counts once against their daily 3.
      const mine = [0, 1, 2].map((k) => (i + k) % MIX.cachedArticles);
      const ip = `10.1.${Math.floor(i / 250)}.${(i % 250) + 1}`;
      for (let n = 0; performance.now() < deadline; n++) {
        const article = mine[n % mine.length];
        const url = target === "static" ? `${statics[i % statics.length].url}/static/${article}` : `${urlFor(i)}/api/tts`;
        await listen(samples, "cached", url, { text: cachedSet[article], ip });
      }
    };
    const generatingListener = async (i: number) => {
      for (let n = 0; performance.now() < deadline; n++) {
        const text = generatingText(i, n);
        generated.add(text);
        await listen(samples, "generating", `${urlFor(i)}/api/tts`, { text, ip: `10.2.0.${i + 1}`, token: premiumTokens[i] });
      }
    };
    await Promise.all([
      ...Array.from({ length: MIX.cachedListeners }, (_, i) => cachedListener(i)),
      ...(generating ? Array.from({ length: MIX.generatingListeners }, (_, i) => generatingListener(i)) : []),
    ]);
    return {
      samples,
      wallMs: performance.now() - started,
      cpu: {
        api: pids.map((pid, i) => cpuSeconds(pid) - before.api[i]),
        voice: cpuSeconds(voicePid) - before.voice,
        statics: statics.map((s, i) => cpuSeconds(s.pid) - before.statics[i]),
        client: clientCpuSeconds() - before.client,
      },
    };
  }

  const generated = new Set<string>();
  const load = { before: loadavg(), after: [] as number[] };
  const firstStatic = await phase(MIX.phaseMs, "static", false);
  const hits = await phase(MIX.phaseMs, "api", false);
  const upstreamBefore = (await voice.stats()).requests;
  const peakSampledMb = pids.map(() => 0);
  const sampler = setInterval(() => pids.forEach((pid, i) => (peakSampledMb[i] = Math.max(peakSampledMb[i], memoryOf(pid).rssMb))), 250);
  const mix = await phase(MIX.durationMs, "api", true);
  clearInterval(sampler);
  const hwmMb = pids.map((pid) => memoryOf(pid).hwmMb);
  const upstream = (await voice.stats()).requests - upstreamBefore;
  const lastStatic = await phase(MIX.phaseMs, "static", false);
  load.after = loadavg();

  const chunkCounts = [...generated].map((text) => planTTSChunks(cleanTextForTTS(text)).length);
  return {
    static: [firstStatic, lastStatic],
    hits,
    mix,
    failures,
    load,
    idleRssMb,
    warmRssMb,
    peakSampledMb,
    hwmMb,
    upstream,
    distinctArticleChunks: chunkCounts.reduce((sum, n) => sum + n, 0),
    chunksPerArticle: chunkCounts.sort((a, b) => a - b)[Math.floor(chunkCounts.length / 2)] ?? NaN,
  };
}

interface Figures {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  hits: number;
}

function figures(phases: Phase[], kind: Kind): Figures {
  const mine = phases.flatMap((p) => p.samples.filter((s) => s.kind === kind));
  const latencies = mine.map((s) => s.ms).sort((a, b) => a - b);
  const wallMs = phases.reduce((sum, p) => sum + p.wallMs, 0);
  return {
    requests: mine.length,
    errors: mine.filter((s) => !s.ok).length,
    rps: (mine.length / wallMs) * 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    hits: mine.filter((s) => s.cache === "article-hit").length,
  };
}

const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);
const cpuMs = (seconds: number, count: number) => (count > 0 ? `${((seconds * 1000) / count).toFixed(2)} ms` : "–");
const share = (seconds: number, wallMs: number) => `${((seconds / (wallMs / 1000)) * 100).toFixed(0)}%`;
const ratio = (value: number, base: number) => (value / base).toFixed(2);
const loadText = (values: number[]) => values.map((v) => v.toFixed(2)).join(" / ");

/** The tables both listener benches print: ratios to the same-run baseline beside the absolutes, CPU, memory. */
export function listenerTables(result: ListenerBench): string {
  const base = figures(result.static, "cached");
  const hitsAlone = figures([result.hits], "cached");
  const cached = figures([result.mix], "cached");
  const generating = figures([result.mix], "generating");
  const idealMs = Math.ceil(result.chunksPerArticle / MIX.chunkConcurrency) * MIX.upstreamLatencyMs;
  const row = (label: string, f: Figures, listeners: number) => [
    label,
    listeners,
    f.requests,
    f.errors,
    f.rps.toFixed(1),
    ms(f.p50),
    ms(f.p99),
    ms(f.max),
    ratio(f.rps, base.rps),
    ratio(f.p50, base.p50),
    ratio(f.p99, base.p99),
    f.hits,
  ];
  const latency = markdownTable(
    [
      "phase: listeners",
      "count",
      "requests",
      "errors",
      "req/s",
      "p50",
      "p99",
      "max",
      "req/s ÷ static",
      "p50 ÷ static",
      "p99 ÷ static",
      "article hits",
    ],
    [
      row("static baseline: cached", base, MIX.cachedListeners),
      row("API, hits alone: cached", hitsAlone, MIX.cachedListeners),
      row("API, mix: cached", cached, MIX.cachedListeners),
      [
        "API, mix: generating",
        MIX.generatingListeners,
        generating.requests,
        generating.errors,
        generating.rps.toFixed(1),
        ms(generating.p50),
        ms(generating.p99),
        ms(generating.max),
        "",
        "",
        "",
        generating.hits,
      ],
    ],
  );

  // What a hit costs the API, from the phase with nothing else; the rest of the mix's CPU is the upstream calls'.
  const apiHitsCpu = sum(result.hits.cpu.api);
  const perHit = apiHitsCpu / Math.max(1, hitsAlone.requests);
  const apiMixCpu = sum(result.mix.cpu.api);
  const perUpstream = (apiMixCpu - perHit * cached.requests) / Math.max(1, result.upstream);
  const staticCpu = sum(result.static.flatMap((p) => p.cpu.statics));
  const cpu = markdownTable(
    [
      "API CPU per hit (hits alone)",
      "static CPU per send",
      "API CPU per upstream call (mix)",
      "mix: API / voice server / load generator CPU (of one core)",
      "load average before → after (1 / 5 / 15 min)",
    ],
    [
      [
        cpuMs(apiHitsCpu, hitsAlone.requests),
        cpuMs(staticCpu, base.requests),
        cpuMs(perUpstream, 1),
        [sum(result.mix.cpu.api), result.mix.cpu.voice, result.mix.cpu.client].map((s) => share(s, result.mix.wallMs)).join(" / "),
        `${loadText(result.load.before)} → ${loadText(result.load.after)}`,
      ],
    ],
  );

  const peakMb = Math.max(...result.hwmMb);
  const held = (ok: boolean) => (ok ? "held" : "**missed**");
  const targets = markdownTable(
    ["target", "measured", ""],
    [
      ["cached req/s ≥ 0.8 × static", ratio(cached.rps, base.rps), held(cached.rps >= 0.8 * base.rps)],
      ["cached p50 ≤ 1.5 × static", ratio(cached.p50, base.p50), held(cached.p50 <= 1.5 * base.p50)],
      [
        `generating p50 ≤ 1.5 × ideal (ceil(${result.chunksPerArticle}/${MIX.chunkConcurrency}) × ${MIX.upstreamLatencyMs} ms = ${idealMs} ms)`,
        ratio(generating.p50, idealMs),
        held(generating.p50 <= 1.5 * idealMs),
      ],
      [
        "API peak RSS ≤ 400 MB (VmHWM; highest sampled; at start; after warm-up)",
        result.hwmMb
          .map(
            (mb, i) =>
              `${mb.toFixed(0)}; ${result.peakSampledMb[i].toFixed(0)}; ${result.idleRssMb[i].toFixed(0)}; ${result.warmRssMb[i].toFixed(0)} MB`,
          )
          .join(", "),
        held(peakMb <= 400),
      ],
      ["0 errors", String(cached.errors + generating.errors + base.errors + hitsAlone.errors), held(result.failures.size === 0)],
    ],
  );
  const failures = result.failures.size > 0 ? `\n\nFailures: ${JSON.stringify(Object.fromEntries(result.failures))}` : "";
  return `${latency}\n\n${cpu}\n\n${targets}${failures}`;
}
