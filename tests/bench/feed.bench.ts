// Benchmark (f) of the podcast feed: (1) an enclosure served from the API's memory tier against the same bytes
// served as a static Response by the same process (tests/bench/support/cache-hit-server.ts), whole and as one
// 1 MB range; target ≤ 1.2 × static. (2) GET /feed/{secret}.xml for a reader with 500 articles in the feed;
// target p50 ≤ 50 ms. Run twice: without Redis (the directory tier under the memory LRU) and with a redis-server
// of its own (enclosures and feed items in Redis); silence engine; loopback.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startRedis } from "../support/processes";
import { AUTH_SECRET, sessionToken } from "../support/tts-api";
import { articleOfChars, benchHeading, closedLoop, interleavedLoads, markdownTable, ms, paragraph, percentile } from "./support/bench-kit";
import { withBenchServers } from "./support/bench-servers";

const FEED_ARTICLES = 500;
const CONCURRENCY = 8;
const ENCLOSURE_REQUESTS = 600;
const FEED_REQUESTS = 200;

async function measure(mode: string, redisUrl: string) {
  const dir = await mkdtemp(join(tmpdir(), "listen-feed-bench-"));
  try {
    await withBenchServers(
      { AUTH_SECRET, FEED_AUDIO_DIR: dir, IMPORT_RATE_LIMIT_PER_MIN: "1000000", REDIS_URL: redisUrl },
      async ({ api: server }) => {
        const auth = { Authorization: `Bearer ${await sessionToken("premium", "feed-bench-reader")}` };
        const json = { ...auth, "Content-Type": "application/json" };
        const call = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, init);

        const importArticle = async (text: string) => {
          const res = await call("/api/articles", { method: "POST", headers: json, body: JSON.stringify({ text }) });
          if (res.status !== 201) throw new Error(`import answered ${res.status}`);
          return ((await res.json()) as { id: string }).id;
        };
        const feedState = async () =>
          (await (await call("/api/feed", { headers: auth })).json()) as { url: string | null; items: Array<{ status: string }> };
        /** Adds articles 20 at a time (one reader's queue) and waits until every one has its audio. */
        const addAll = async (ids: string[]) => {
          for (let i = 0; i < ids.length; i += 20) {
            for (const id of ids.slice(i, i + 20)) {
              const res = await call(`/api/feed/items/${id}`, { method: "PUT", headers: json, body: "{}" });
              if (res.status !== 202) throw new Error(`adding answered ${res.status}: ${await res.text()}`);
            }
            while ((await feedState()).items.some((item) => item.status === "pending")) await new Promise((resolve) => setTimeout(resolve, 50));
          }
          const failed = (await feedState()).items.filter((item) => item.status !== "ready");
          if (failed.length > 0) throw new Error(`${failed.length} feed items failed`);
        };

        // A 5-minute article (~3.3 MB of MP3) for the enclosure, then short ones up to 500.
        const big = await importArticle(`A long read\n\n${articleOfChars(4_200)}`);
        await addAll([big]);
        const created = await call("/api/feed", { method: "POST", headers: auth });
        const { url } = (await created.json()) as { url: string };
        const xml = await (await call(url)).text();
        const enclosure = new URL(/<enclosure url="([^"]+)"/.exec(xml)![1]).pathname;
        const bytes = new Uint8Array(await (await call(enclosure)).arrayBuffer());
        if ((await call("/__bench/static", { method: "PUT", body: bytes })).status !== 204) throw new Error("storing the static copy failed");

        const range = { Range: "bytes=1000000-1999999" };
        const check = (res: Response, length: number) => res.arrayBuffer().then((b) => res.ok && b.byteLength === length);
        const variants: Record<string, () => Promise<boolean>> = {
          "enclosure, whole (memory tier)": async () => check(await call(enclosure), bytes.byteLength),
          "static, whole": async () => check(await call("/__bench/static"), bytes.byteLength),
          "enclosure, 1 MB range": async () => check(await call(enclosure, { headers: range }), 1_000_000),
        };
        const merged = await interleavedLoads(variants, { total: ENCLOSURE_REQUESTS, concurrency: CONCURRENCY, warmup: 40 });

        const ids = [];
        for (let i = 1; i < FEED_ARTICLES; i++) ids.push(await importArticle(`Article ${i}\n\n${paragraph(300)}`));
        await addAll(ids);
        const feedXml = await (await call(url)).text();
        const listed = feedXml.split("<item>").length - 1;
        if (listed !== FEED_ARTICLES) throw new Error(`the feed lists ${listed} items`);
        const feedCall = async () => check(await call(url), new TextEncoder().encode(feedXml).byteLength);
        await closedLoop(20, 1, feedCall);
        const feedOne = await closedLoop(FEED_REQUESTS, 1, feedCall);
        const feedMany = await closedLoop(FEED_REQUESTS, CONCURRENCY, feedCall);

        const staticP50 = percentile(merged["static, whole"].latencies, 50);
        const rows = Object.entries(merged).map(([label, r]) => {
          const p50 = percentile(r.latencies, 50);
          // A range is a third of the bytes: its time is shown, not held to the whole file's.
          const ratio = label.includes("range") ? "—" : (p50 / staticP50).toFixed(2);
          return [label, r.requests, r.errors, ms(p50), ms(percentile(r.latencies, 99)), ((r.requests / r.wallMs) * 1000).toFixed(1), ratio];
        });
        console.log(
          benchHeading(
            "Feed enclosure vs static bytes",
            import.meta.url,
            `${mode}; a ${(bytes.byteLength / 1e6).toFixed(1)} MB MP3; concurrency ${CONCURRENCY}; load generator in the same machine`,
          ),
        );
        console.log(markdownTable(["route", "requests", "errors", "p50", "p99", "req/s", "p50 ÷ static whole p50 (target ≤ 1.2)"], rows));
        console.log(benchHeading("Feed of 500 articles", import.meta.url, `${mode}; ${(feedXml.length / 1024).toFixed(0)} KB of RSS`));
        console.log(
          markdownTable(
            ["concurrency", "requests", "errors", "p50 (target ≤ 50 ms at 1)", "p99", "req/s"],
            [feedOne, feedMany].map((r, i) => [
              i === 0 ? 1 : CONCURRENCY,
              r.requests,
              r.errors,
              ms(percentile(r.latencies, 50)),
              ms(percentile(r.latencies, 99)),
              ((r.requests / r.wallMs) * 1000).toFixed(1),
            ]),
          ),
        );
      },
      { entry: "tests/bench/support/cache-hit-server.ts" },
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await measure("no Redis", "");
const redis = await startRedis();
try {
  await measure("Redis", redis.url);
} finally {
  await redis.stop();
}
