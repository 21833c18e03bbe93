// Two API replicas on one redis-server (docs/deploy.md), requests alternating between them: the IP limit, request
// dedup, streams and the daily quota hold across the two as they do in one process; a replica killed mid-
// generation hands it over; with Redis stopped each replica falls back to memory (invariant 11).
import { describe, expect, it } from "vitest";
import { scanMp3Frames } from "@/lib/mp3";
import { cleanTextForTTS } from "@/lib/text/clean-text";
import { planTTSChunks } from "@/lib/text/chunk-plan";
import { article } from "../support/articles";
import { setUpReplicas } from "../support/serving-api";
import { AUTH_SECRET, getHealth, postTts, sessionToken, type TtsBody } from "../support/tts-api";
import { wholeArticleProblems } from "../support/tts-invariants";
import { chunkLines, postTtsStream, readStream } from "../support/tts-stream";
import { voiceControl } from "../support/voice-control";

const replicas = setUpReplicas({ env: { INWORLD_API_KEY: "integration", AUTH_SECRET, TTS_LEASE_MS: "1000" } });
const voice = () => voiceControl(replicas.voiceUrl);
/** replica 0, 1, 0, 1, … for request i */
const replicaFor = (i: number) => replicas.apis[i % replicas.apis.length].url;

const chunkCount = (text: string) => planTTSChunks(cleanTextForTTS(text)).length;

interface ClusterHealth {
  replica: string;
  tts: { activeSlots: number; totalAcquired: number; pendingGenerations: number };
  cluster?: { replicas: string[]; complete: boolean; sum: Record<string, number> };
}
const health = async (url: string, cluster = false) => (await (await fetch(`${url}/health${cluster ? "?cluster=1" : ""}`)).json()) as ClusterHealth;

/** The MP3 frames of a whole answer (behind its Info frame), or of a stream's chunk lines joined. */
const framesOfBody = (body: TtsBody) => {
  const audio = Buffer.from(body.audioBase64, "base64");
  const scan = scanMp3Frames(audio)!;
  return audio.subarray(scan.frameOffsets[0]);
};
const framesOfLines = (lines: Awaited<ReturnType<typeof readStream>>) =>
  Buffer.concat(chunkLines(lines).map((l) => Buffer.from(l.audioBase64, "base64")));

describe("two replicas on one Redis", () => {
  it("allow one client 10 requests a minute in total, not 10 each", async () => {
    const statuses: number[] = [];
    let refusal: Response | undefined;
    for (let i = 0; i < 12; i++) {
      // An empty text is refused after the limit is counted: cheap requests that still count.
      const res = await postTts(replicaFor(i), { text: "", forwardedFor: "203.0.113.10" });
      statuses.push(res.status);
      if (res.status === 429) refusal ??= res;
    }
    expect(statuses.filter((s) => s !== 429)).toHaveLength(10);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(await refusal!.json()).toMatchObject({ code: "RATE_LIMITED" });
    expect(Number(refusal!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it("make 6 identical concurrent requests, on both endpoints, cost one set of upstream calls, each getting the whole article", async () => {
    // Slow enough upstream that all six arrive while the first generation runs.
    await voice().control({ latencyMs: 1_500 });
    const text = article(4_000);
    const requests = Array.from({ length: 6 }, (_, i) => {
      const call = { text, forwardedFor: `203.0.113.${20 + i}` };
      return i % 4 < 2 ? postTts(replicaFor(i), call) : postTtsStream(replicaFor(i), call);
    });
    const responses = await Promise.all(requests);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const singles: TtsBody[] = [];
    const streams: Awaited<ReturnType<typeof readStream>>[] = [];
    for (const res of responses) {
      if (res.headers.get("content-type")?.includes("ndjson")) streams.push(await readStream(res));
      else singles.push((await res.json()) as TtsBody);
    }
    expect((await voice().stats()).requests).toBe(chunkCount(text));

    // Invariants 1–4 on each whole answer, and every stream is whole and ends well.
    for (const body of singles) expect(wholeArticleProblems(body, text)).toEqual([]);
    for (const lines of streams) {
      expect(
        chunkLines(lines)
          .flatMap((l) => l.alignment.characters)
          .join(""),
      ).toBe(cleanTextForTTS(text));
      expect(lines.at(-1)).toMatchObject({ type: "end" });
    }
    // Invariant 15 across replicas: one article, the same frames and timeline whoever generated or followed it.
    // Replica 1 led and replica 2 followed (or the other way round): both answered the same body.
    for (const body of singles) expect(body).toEqual(singles[0]);
    const frames = framesOfBody(singles[0]);
    for (const lines of streams) expect(framesOfLines(lines).equals(frames)).toBe(true);
  });

  it("give a free reader 3 articles a day in total, the same article counting once", async () => {
    const token = await sessionToken("free", "reader-on-two-replicas");
    const texts = Array.from({ length: 4 }, () => article(200));
    const statuses: number[] = [];
    for (const [i, text] of texts.entries()) statuses.push((await postTts(replicaFor(i), { text, token, forwardedFor: "203.0.113.30" })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const again = await postTts(replicaFor(1), { text: texts[0], token, forwardedFor: "203.0.113.30" });
    expect(again.status).toBe(200);
    expect(again.headers.get("x-tts-usage-count")).toBe("3");
  });

  it("name the replica that answered, and sum the live replicas' counters with ?cluster=1", async () => {
    const [first, second] = await Promise.all(replicas.apis.map((api) => health(api.url)));
    expect([first.replica, second.replica]).toEqual(["r1", "r2"]);
    await postTts(replicaFor(1), { text: article(200), forwardedFor: "203.0.113.40" });
    const acquired = async () => (await Promise.all(replicas.apis.map((api) => health(api.url)))).reduce((sum, h) => sum + h.tts.totalAcquired, 0);
    // Counters are published every 2 s: poll until the sum has caught up with the replicas' own.
    await expect
      .poll(async () => (await health(replicaFor(0), true)).cluster, { timeout: 10_000, interval: 500 })
      .toMatchObject({ replicas: ["r1", "r2"], complete: true, sum: { totalAcquired: await acquired(), activeSlots: 0 } });
  });

  it("hand a generation over when its replica is killed: a waiter on the other takes over and finishes", async () => {
    await voice().control({ latencyMs: 2_000 });
    const text = article(4_000);
    const [leader, survivor] = replicas.apis;
    const abandoned = postTts(leader.url, { text, forwardedFor: "203.0.113.50" }).catch(() => undefined);
    await expect.poll(async () => (await replicas.admin.keys("tts:lease:*")).length).toBe(1);
    const waiting = postTts(survivor.url, { text, forwardedFor: "203.0.113.51" });
    await expect.poll(async () => (await health(survivor.url)).tts.pendingGenerations).toBe(1);

    await replicas.kill(0);
    const res = await waiting;
    expect(res.status).toBe(200);
    expect(wholeArticleProblems((await res.json()) as TtsBody, text)).toEqual([]);
    expect(survivor.output()).toContain("TTS lease lapsed: taking over the generation");
    await abandoned;
    await expect.poll(async () => (await health(survivor.url)).tts.activeSlots).toBe(0);
    // The killed replica stops publishing, so it leaves the cluster's sum when its counters lapse.
    await expect.poll(async () => (await health(survivor.url, true)).cluster?.replicas, { timeout: 10_000, interval: 500 }).toEqual(["r2"]);
    await replicas.restart(0);
  });

  it("answer from each replica's memory fallbacks when Redis is stopped, never a 500", async () => {
    // Stopped under a running generation: its lines' relay and its lease fail mid-way.
    await voice().control({ latencyMs: 1_000 });
    const running = postTts(replicaFor(0), { text: article(4_000), forwardedFor: "203.0.113.59" });
    await expect.poll(async () => (await replicas.admin.keys("tts:lease:*")).length).toBe(1);
    await replicas.redis.stop();
    expect((await running).status).toBe(200);
    await voice().control({ latencyMs: 0 });

    const text = article(2_000);
    for (const [i, api] of replicas.apis.entries()) {
      const single = await postTts(api.url, { text, forwardedFor: `203.0.113.${60 + i}` });
      expect(single.status).toBe(200);
      expect(wholeArticleProblems((await single.json()) as TtsBody, text)).toEqual([]);
      const stream = await postTtsStream(api.url, { text: article(300), forwardedFor: `203.0.113.${60 + i}` });
      expect(stream.status).toBe(200);
      expect((await readStream(stream)).at(-1)).toMatchObject({ type: "end" });
      const view = await health(api.url, true);
      expect(view.cluster).toMatchObject({ replicas: [`r${i + 1}`], complete: false });
    }
    // The IP limit holds per replica from memory: the 11th request to one replica is refused.
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await postTts(replicaFor(0), { text: "", forwardedFor: "203.0.113.70" })).status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    expect(statuses).not.toContain(500);
    expect((await getHealth(replicaFor(1))).tts.redis.connected).toBe(false);
  });
});
