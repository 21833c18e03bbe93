// 100 listeners against two API replicas on one redis-server (docs/deploy.md): the concurrent-listeners mix
// (tests/bench/support/listener-mix.ts), listener i on replica i % 2, except that the 15 generating listeners
// go in threes, each three asking for the same new articles in the same order, spread over both replicas: what
// the cross-replica dedup and the shared caches save shows as upstream calls per distinct article (target 1.0:
// one call per chunk, however many readers on however many replicas). The baseline is two plain servers (one
// per replica) sending the same bytes from memory, in the same minutes. Reports ratios to it beside errors,
// latency by kind, CPU, and each replica's RSS (VmHWM and the highest sampled VmRSS).
import { startApi, startBunServer, startLocalVoice, startRedis } from "../support/processes";
import { voiceControl } from "../support/voice-control";
import { articleOfChars, benchHeading, markdownTable } from "./support/bench-kit";

const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);
import { listenerTables, MIX, runListenerBench } from "./support/listener-mix";

const SECRET = "bench-secret-0123456789abcdef0123456789abcdef";
const REPLICAS = 2;
const GROUP = 3;

const [redis, voiceServer] = await Promise.all([startRedis(), startLocalVoice({ LOCAL_VOICE_ENGINE: "silence" })]);
const apis = await Promise.all(
  Array.from({ length: REPLICAS }, (_, i) =>
    startApi({
      INWORLD_API_KEY: "bench",
      INWORLD_BASE_URL: voiceServer.url,
      REDIS_URL: redis.url,
      AUTH_SECRET: SECRET,
      API_REPLICA_ID: `r${i + 1}`,
      TTS_RATE_LIMIT_PER_MIN: "100000",
    }),
  ),
);
const statics = await Promise.all(apis.map(() => startBunServer("tests/bench/support/static-server.ts")));
const voice = voiceControl(voiceServer.url);
const pids = apis.map((api) => api.child.pid!);

// The group's round-th article, made by whichever of its listeners gets there first.
const shared = new Map<string, string>();
const groupArticle = (listener: number, round: number) => {
  const key = `${Math.floor(listener / GROUP)}:${round}`;
  if (!shared.has(key)) shared.set(key, articleOfChars(MIX.articleChars));
  return shared.get(key)!;
};

try {
  await voice.control({ latencyMs: MIX.upstreamLatencyMs });
  const result = await runListenerBench({
    urls: apis.map((api) => api.url),
    pids,
    statics: statics.map((server) => ({ url: server.url, pid: server.child.pid! })),
    voicePid: voiceServer.child.pid!,
    secret: SECRET,
    voice,
    generatingText: groupArticle,
  });
  const health = await Promise.all(
    apis.map(async (api) => (await (await fetch(`${api.url}/health`)).json()) as { tts: { activeSlots: number; queuedRequests: number } }),
  );

  console.log(
    benchHeading(
      "100 listeners against two replicas",
      import.meta.url,
      `phases of ${MIX.phaseMs / 1000} s static, ${MIX.phaseMs / 1000} s hits alone, ${MIX.durationMs / 1000} s mix, ${MIX.phaseMs / 1000} s static; two API replicas, two static servers and one redis-server on this machine; silence engine, ${MIX.upstreamLatencyMs} ms upstream latency; the 100-listener mix with the generating listeners in threes asking for the same articles on both replicas; TTS_RATE_LIMIT_PER_MIN raised`,
    ),
  );
  console.log(listenerTables(result));
  console.log("");
  const perArticle = result.distinctArticleChunks === 0 ? NaN : result.upstream / result.distinctArticleChunks;
  // What made a chunk cost more than one call: a follower that took a lapsed lease over, or a leader whose lines stopped reaching Redis.
  const warnings = (message: string) => sum(apis.map((api) => api.output().split(message).length - 1));
  console.log(
    markdownTable(
      [
        "upstream calls",
        "chunks of the distinct new articles",
        "upstream calls per distinct article (target 1.0)",
        "leases taken over / relays given up (from the APIs' warnings)",
        "slots after (active/queued)",
      ],
      [
        [
          result.upstream,
          result.distinctArticleChunks,
          perArticle.toFixed(2),
          `${warnings("TTS lease lapsed")} / ${warnings("TTS lines relay failed")}`,
          health.map((h) => `${h.tts.activeSlots}/${h.tts.queuedRequests}`).join(", "),
        ],
      ],
    ),
  );
} finally {
  await Promise.all([...apis, ...statics].map((server) => server.stop()));
  await Promise.all([voiceServer.stop(), redis.stop()]);
}
