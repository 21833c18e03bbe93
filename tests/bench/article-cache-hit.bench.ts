// Benchmark (b): an article-cache hit through /api/tts against the same bytes served as a static Response by
// the same process (tests/bench/support/cache-hit-server.ts), for a 5-minute and a 20-minute article.
// Target (docs/architecture.md): hit ≤ 1.2 × static. Load: a closed loop at concurrency 8 from this process, loopback.
import { articleOfChars, benchHeading, interleavedLoads, markdownTable, ms, percentile, type LoadResult } from "./support/bench-kit";
import { withBenchServers } from "./support/bench-servers";

const CONCURRENCY = 8;
// ~14 characters of speech a second (the silence engine's rate): 5 and 20 minutes of audio.
const ARTICLES = [
  { name: "5-minute", chars: 4_200, requests: 1_000 },
  { name: "20-minute", chars: 17_000, requests: 240 },
];

// One client address sends every request here, which the bench servers' raised IP limit lets through.
await withBenchServers(
  {},
  async ({ api: server }) => {
    const rows: Array<Array<string | number>> = [];
    for (const { name, chars, requests } of ARTICLES) {
      const text = articleOfChars(chars);
      const requestBody = JSON.stringify({ text });
      const post = (path: string) =>
        fetch(`${server.url}${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: requestBody });

      if ((await (await post("/api/tts")).arrayBuffer()).byteLength === 0) throw new Error("generation failed");
      const hit = await post("/api/tts");
      if (hit.headers.get("x-tts-cache") !== "article-hit") throw new Error(`expected an article hit, got ${hit.headers.get("x-tts-cache")}`);
      const bytes = new Uint8Array(await hit.arrayBuffer());
      const stored = await fetch(`${server.url}/__bench/static`, { method: "PUT", body: bytes });
      if (stored.status !== 204) throw new Error(`storing the static body failed: ${stored.status}`);

      const check = (res: Response) => res.arrayBuffer().then((b) => res.ok && b.byteLength === bytes.byteLength);
      const variants: Record<string, (i: number) => Promise<boolean>> = {
        "/api/tts (article hit)": async () => check(await post("/api/tts")),
        "static, same POST body": async () => check(await post("/__bench/static")),
        "static GET": async () => check(await fetch(`${server.url}/__bench/static`)),
      };
      const merged = await interleavedLoads(variants, { total: requests, concurrency: CONCURRENCY, warmup: Math.min(40, requests) });
      const base = merged["static, same POST body"];
      const get = merged["static GET"];
      for (const [label, r] of Object.entries(merged)) {
        const p50 = percentile(r.latencies, 50);
        const p99 = percentile(r.latencies, 99);
        const rps = (r.requests / r.wallMs) * 1000;
        const ratio = (to: LoadResult) => (p50 / percentile(to.latencies, 50)).toFixed(2);
        rows.push([
          name,
          `${(bytes.byteLength / 1e6).toFixed(1)} MB`,
          label,
          r.requests,
          r.errors,
          ms(p50),
          ms(p99),
          rps.toFixed(1),
          ratio(base),
          ratio(get),
        ]);
      }
    }
    console.log(
      benchHeading(
        "Article cache hit vs static bytes",
        import.meta.url,
        `silence engine; anonymous reader, so the hit path includes the daily-quota check; concurrency ${CONCURRENCY}; load generator in the same machine`,
      ),
    );
    console.log(
      markdownTable(
        ["article", "body", "route", "requests", "errors", "p50", "p99", "req/s", "p50 ÷ static POST p50 (target ≤ 1.2)", "p50 ÷ static GET p50"],
        rows,
      ),
    );
  },
  { entry: "tests/bench/support/cache-hit-server.ts" },
);
