// A bounded chaos run against the real API on Bun, a real redis-server and the local voice server: upstream
// 429s, 500s and hangs, the voice server killed and brought back, Redis restarted, and readers who give up
// mid-request. Afterwards the server must be whole again: no slot held or queued (invariant 8), no partial
// article ever served or cached (invariant 6), and each reader charged exactly once per article they
// received (invariant 7).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { article } from "../support/articles";
import { startApi, startLocalVoice, startRedis, type RunningProcess } from "../support/processes";
import { createRandom } from "../support/random-text";
import { AUTH_SECRET, getHealth, postTts, sessionToken, usageOf, type TtsBody } from "../support/tts-api";
import { wholeArticleProblems } from "../support/tts-invariants";
import { voiceControl } from "../support/voice-control";

/**
 * The run against `replicas` API processes on one Redis and one voice server, each request going to the next replica
 * in turn; `rounds` is how many articles each reader asks for in each phase (faults, the voice server's outage, the
 * Redis restart).
 */
function chaosRun(replicas: number, rounds: [number, number, number]) {
  describe(`a chaos run of faults, restarts and aborts against ${replicas === 1 ? "one API" : `${replicas} API replicas on one Redis`}`, () => {
    let redis: RunningProcess;
    let voice: RunningProcess;
    let apis: RunningProcess[] = [];
    let turn = 0;
    /** The next replica in turn. */
    const api = () => apis[turn++ % apis.length];
    const random = createRandom(8_2026);

    /** Two- and three-chunk articles, so faults land inside articles and not only between them. Each phase has
     * articles of its own, so its requests meet its fault (a dead voice server, Redis down) and not a warm cache. */
    const ARTICLES = Array.from({ length: 24 }, (_, i) => article(i % 2 ? 2_400 : 4_200));
    const KILL_FROM = 8;
    const LATE_FROM = 16;

    interface Outcome {
      user: string;
      articleIndex: number;
      status: number | "aborted";
      code?: string;
      problems: string[];
    }
    const outcomes: Outcome[] = [];

    async function listen(user: string, token: string, articleIndex: number, abortAfterMs?: number): Promise<void> {
      const signal = abortAfterMs === undefined ? undefined : AbortSignal.timeout(abortAfterMs);
      const text = ARTICLES[articleIndex];
      try {
        const res = await postTts(api().url, { text, token, signal });
        const raw = await res.text();
        const body = JSON.parse(raw) as TtsBody & { code?: string };
        outcomes.push({
          user,
          articleIndex,
          status: res.status,
          code: body.code,
          problems: res.status === 200 ? wholeArticleProblems(body, text) : typeof body.code === "string" ? [] : ["not the error shape"],
        });
      } catch (error) {
        if (signal?.aborted) outcomes.push({ user, articleIndex, status: "aborted", problems: [] });
        else throw error;
      }
    }

    /** Each reader listens to `count` articles one after another; readers run side by side. */
    async function readers(users: Array<{ name: string; token: string; aborts: boolean }>, count: number, [from, to]: [number, number]) {
      await Promise.all(
        users.map(async ({ name, token, aborts }) => {
          for (let i = 0; i < count; i++) {
            const articleIndex = from + Math.floor(random() * (to - from));
            await listen(name, token, articleIndex, aborts && random() < 0.5 ? 50 + Math.floor(random() * 1_500) : undefined);
          }
        }),
      );
    }

    /** For the record: how the requests of a phase ended, e.g. { "200": 20, "502 UPSTREAM_ERROR": 3, aborted: 2 }. */
    function tally(list: Outcome[]): Record<string, number> {
      const counts: Record<string, number> = {};
      for (const o of list) {
        const key = o.status === 200 || o.status === "aborted" ? String(o.status) : `${o.status} ${o.code}`;
        counts[key] = (counts[key] ?? 0) + 1;
      }
      return counts;
    }

    /** Traffic is under way: the voice server has been asked for more than `before` calls in all. */
    async function upstreamAskedMoreThan(before: number) {
      await expect.poll(async () => (await voiceControl(voice.url).stats()).requests).toBeGreaterThan(before);
    }

    async function waitUntilIdle() {
      for (const replica of apis) {
        await expect
          .poll(
            async () => {
              const { tts } = await getHealth(replica.url);
              return { active: tts.activeSlots, queued: tts.queuedRequests, pending: tts.pendingGenerations };
            },
            { timeout: 30_000, interval: 250 },
          )
          .toEqual({ active: 0, queued: 0, pending: 0 });
      }
    }

    beforeAll(async () => {
      redis = await startRedis();
      voice = await startLocalVoice({ LOCAL_VOICE_ENGINE: "silence" });
      const env = {
        INWORLD_API_KEY: "chaos",
        INWORLD_BASE_URL: voice.url,
        REDIS_URL: redis.url,
        AUTH_SECRET,
        // Hangs become 504s quickly, and a full queue gives up quickly, so the run stays short.
        TTS_CHUNK_TIMEOUT_MS: "1500",
        TTS_SLOT_TIMEOUT_MS: "4000",
        MAX_CONCURRENT_TTS: "3",
        TTS_RATE_LIMIT_PER_MIN: "100000",
        TTS_DAILY_FREE_LIMIT: "1000",
      };
      apis = await Promise.all(Array.from({ length: replicas }, (_, i) => startApi({ ...env, API_REPLICA_ID: `chaos-${i + 1}` })));
    }, 60_000);
    afterAll(async () => {
      await Promise.all(apis.map((replica) => replica.stop()));
      await voice?.stop();
      await redis?.stop();
    });

    // Readers whose requests all finish or fail on the server's word: their charges are checked exactly.
    // Readers who abort are checked for slots and whole answers only (an abort can cross a success in flight).
    const tokenOf = async (name: string) => ({ name, token: await sessionToken("free", name), aborts: name.startsWith("fickle") });
    const steady = ["steady-1", "steady-2", "steady-3"];
    const early = ["fickle-1", "fickle-2", ...steady];

    it("survives upstream faults and a killed voice server with no 500, whole answers and no slot left", async () => {
      const users = await Promise.all(early.map(tokenOf));
      // 1. An upstream that rate-limits, fails and hangs at random.
      await voiceControl(voice.url).control({ latencyMs: 40, fail429Rate: 0.15, fail500Rate: 0.1, hangRate: 0.05 });
      await readers(users, rounds[0], [0, KILL_FROM]);

      // 2. The voice server dies mid-traffic and comes back on the same address.
      const asked = (await voiceControl(voice.url).stats()).requests;
      const traffic = readers(users, rounds[1], [KILL_FROM, LATE_FROM]);
      await upstreamAskedMoreThan(asked);
      const port = voice.port;
      await voice.stop();
      // The outage lasts a while: readers' requests meet a voice server that is not there.
      await new Promise((r) => setTimeout(r, 500));
      voice = await startLocalVoice({ LOCAL_VOICE_ENGINE: "silence" }, port);
      await voiceControl(voice.url).control({ latencyMs: 40, fail429Rate: 0.1, fail500Rate: 0.05 });
      await traffic;

      await waitUntilIdle();
      console.info(`[chaos] faults and a killed voice server: ${JSON.stringify(tally(outcomes))}`);
      expect(outcomes.length).toBe(early.length * (rounds[0] + rounds[1]));
      expect(outcomes.filter((o) => o.status === 500)).toEqual([]);
      expect(outcomes.filter((o) => o.problems.length > 0)).toEqual([]);
      // The run did meet trouble: some requests failed on the server's side and some succeeded.
      expect(outcomes.some((o) => o.status === 200)).toBe(true);
      expect(outcomes.some((o) => typeof o.status === "number" && o.status >= 502)).toBe(true);
    }, 240_000);

    it("charged each steady reader once per article they received, and never for a failure", async () => {
      await voiceControl(voice.url).reset();
      for (const name of steady) {
        const received = new Set(outcomes.filter((o) => o.user === name && o.status === 200).map((o) => o.articleIndex));
        // Asking again for an article already counted today costs nothing and reports today's count; a reader the
        // faults left with nothing (it happens) was charged nothing, so this first article is their one place.
        const asked = received.size > 0 ? [...received][0] : 0;
        const res = await postTts(api().url, { text: ARTICLES[asked], token: (await tokenOf(name)).token });
        expect(res.status).toBe(200);
        expect(usageOf(res)?.count).toBe(received.size > 0 ? received.size : 1);
      }
    }, 60_000);

    it("rides out a Redis restart under traffic with no 500 and no slot left", async () => {
      const before = outcomes.length;
      const users = await Promise.all(["late-1", "late-2", "fickle-3"].map(tokenOf));
      await voiceControl(voice.url).control({ latencyMs: 150, fail500Rate: 0.05 });
      const asked = (await voiceControl(voice.url).stats()).requests;
      const traffic = readers(users, rounds[2], [LATE_FROM, ARTICLES.length]);
      await upstreamAskedMoreThan(asked);
      const port = redis.port;
      await redis.stop();
      // Back only once the API has noticed it gone.
      for (const replica of apis) await expect.poll(async () => (await getHealth(replica.url)).tts.redis.connected).toBe(false);
      redis = await startRedis(port);
      await traffic;

      await waitUntilIdle();
      const late = outcomes.slice(before);
      console.info(`[chaos] Redis restart: ${JSON.stringify(tally(late))}`);
      expect(late.length).toBe(users.length * rounds[2]);
      expect(late.filter((o) => o.status === 500)).toEqual([]);
      expect(late.filter((o) => o.problems.length > 0)).toEqual([]);
    }, 120_000);

    it("cached no partial article: every article, asked again without faults, is whole", async () => {
      await voiceControl(voice.url).reset();
      const premium = await sessionToken("premium", "checker");
      for (const text of ARTICLES) {
        const res = await postTts(api().url, { text, token: premium });
        expect(res.status).toBe(200);
        expect(wholeArticleProblems((await res.json()) as TtsBody, text)).toEqual([]);
      }
      await waitUntilIdle();
    }, 120_000);
  });
}

chaosRun(1, [4, 3, 3]);
// The same run and assertions with every other request on another replica.
chaosRun(2, [4, 3, 3]);
