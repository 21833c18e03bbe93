// The benchmark kit. A bench is a file tests/bench/<name>.bench.ts that runs under Bun (`npm run bench` runs
// them all, scripts/bench.mjs; one alone: `node_modules/.bin/bun tests/bench/<name>.bench.ts`) and prints
// markdown for the README's Performance section. It should read as its own measurement only; the rest is here:
// - bench-servers.ts: `withBenchServers(env, async ({ api, voice }) => …)` starts the silence voice server and the
//   API with load limits raised, and stops both; `voice.control({ latencyMs })` sets the upstream latency;
//   `ttsWallMs(api, text)` times one article to its last byte.
// - this file: `benchHeading(...)` (the title line with date, cores and the command), `markdownTable`, `ms`,
//   `median` / `percentile`, `closedLoop` (N requests at concurrency C), `interleavedLoads` (variants side by side), `memoryOf(pid)`, and prose sized to a
//   number of chunks or characters (`articleOfChunks`, `articleOfChars`).
// - ../../support/timing.ts: `timed(call)` and `fastestMs(work, input)`.
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { cleanTextForTTS } from "@/lib/text/clean-text";
import { planTTSChunks } from "@/lib/text/chunk-plan";
import { uniqueSentence } from "../../support/articles";
import { repoRoot } from "../../support/processes";

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** The middle value (the upper one of an even count); `values` need not be sorted. */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export interface LoadResult {
  requests: number;
  errors: number;
  /** milliseconds, sorted */
  latencies: number[];
  wallMs: number;
}

/** Sends `total` requests with at most `concurrency` in flight; each call resolves true when it succeeded. */
export async function closedLoop(total: number, concurrency: number, call: (i: number) => Promise<boolean>): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const t0 = performance.now();
      const ok = await call(i).catch(() => false);
      latencies.push(performance.now() - t0);
      if (!ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { requests: total, errors, latencies: latencies.sort((a, b) => a - b), wallMs: performance.now() - started };
}

/**
 * Measures several variants of one request side by side: each warmed with `warmup` calls, then `total` calls in two
 * interleaved rounds (so drift on a shared machine hits all alike), the rounds merged into one result per label.
 */
export async function interleavedLoads(
  variants: Record<string, (i: number) => Promise<boolean>>,
  { total, concurrency, warmup }: { total: number; concurrency: number; warmup: number },
): Promise<Record<string, LoadResult>> {
  for (const call of Object.values(variants)) await closedLoop(warmup, concurrency, call);
  const merged: Record<string, LoadResult> = {};
  for (let round = 0; round < 2; round++) {
    for (const [label, call] of Object.entries(variants)) {
      const result = await closedLoop(total / 2, concurrency, call);
      const previous = merged[label];
      merged[label] = previous
        ? {
            requests: previous.requests + result.requests,
            errors: previous.errors + result.errors,
            latencies: [...previous.latencies, ...result.latencies].sort((a, b) => a - b),
            wallMs: previous.wallMs + result.wallMs,
          }
        : result;
    }
  }
  return merged;
}

export function markdownTable(header: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

/** Peak and current resident set size of a process, in MB, from /proc (Linux). */
export function memoryOf(pid: number): { hwmMb: number; rssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { hwmMb: kb("VmHWM") / 1024, rssMb: kb("VmRSS") / 1024 };
}

const FILLER = [
  "The lighthouse keeper climbed the spiral stairs each evening at dusk, trimmed the wick and polished the lens.",
  "In the valley below, the orchard had begun to bloom, and bees worked the white blossoms from first light.",
  "Cities keep their history in unexpected places: a worn doorstep, a street name nobody can explain.",
  "The committee met on Tuesday to discuss the bridge, and after three hours agreed only to meet again.",
  "Rain arrived in the afternoon, soft at first and then steady, and the gutters sang the whole evening long.",
];

/** One paragraph of at most `maxChars` characters, unique per call (so nothing cached answers it). */
export function paragraph(maxChars: number): string {
  const parts = [uniqueSentence()];
  let length = parts[0].length;
  for (let i = 0; ; i++) {
    const next = FILLER[i % FILLER.length];
    if (length + 1 + next.length > maxChars) break;
    parts.push(next);
    length += 1 + next.length;
  }
  return parts.join(" ");
}

/** An article planned as exactly `chunks` chunks: a short opening paragraph (chunk 0), then paragraphs of at
 * most `chunkChars` characters, too long for two to share a chunk. */
export function articleOfChunks(chunks: number, chunkChars = 1_750): string {
  const text = [paragraph(250), ...Array.from({ length: chunks - 1 }, () => paragraph(chunkChars))].join("\n\n");
  const actual = planTTSChunks(cleanTextForTTS(text)).length;
  if (actual !== chunks) throw new Error(`Expected ${chunks} chunks, the splitter made ${actual}`);
  return text;
}

/** An article of about `chars` characters in paragraphs of about 600 (several to a chunk). */
export function articleOfChars(chars: number): string {
  const parts: string[] = [];
  for (let length = 0; length < chars;) {
    const p = paragraph(Math.min(600, chars - length + 40));
    parts.push(p);
    length += p.length + 2;
  }
  return parts.join("\n\n");
}

/**
 * A table's title and the line that says when, where and how it was measured: `bench` is the bench's
 * import.meta.url, `conditions` what the bench set up (latency, engine, runs). The load average is the
 * machine's as the heading is printed (1, 5 and 15 minutes): on a shared machine, the other work beside ours.
 */
export function benchHeading(title: string, bench: string, conditions: string): string {
  const file = relative(repoRoot, fileURLToPath(bench));
  const today = new Date().toISOString().slice(0, 10);
  const load = loadavg()
    .map((v) => v.toFixed(1))
    .join(" / ");
  return `### ${title}\n\n${today}, ${availableParallelism()} cores, load average ${load}, \`node_modules/.bin/bun ${file}\` (${conditions})\n`;
}
