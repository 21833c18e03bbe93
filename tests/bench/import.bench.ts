// Benchmark: importing an article by URL through the real API on Bun, from a local site of ours, and how well
// extraction keeps the words we meant. Target (docs/architecture.md): p50 ≤ 150 ms for a 100 KB page; extraction precision
// ≥ 0.98 and recall ≥ 0.99 against the text we meant, beside Readability's own (its textContent).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import { decodePage } from "../../server/import/charset";
import { startApi } from "../support/processes";
import { importFixturesDir, startImportSite } from "../support/import-site";
import { timed } from "../support/timing";
import { wordAgreement } from "../support/word-agreement";
import { splitWords } from "../../lib/text/split-words";
import { benchHeading, markdownTable, ms, percentile } from "./support/bench-kit";

// "prose": every byte is article text (the worst case: a 100 KB page of it is ~17,000 words, 1.5 hours of
// listening). "typical": a ~1,600-word article inside the rest of a news site (menus, styles, inline state).
const SIZES = [
  { name: "10 KB", shape: "prose", bytes: 10 * 1024, requests: 60 },
  { name: "100 KB", shape: "prose", bytes: 100 * 1024, requests: 40 },
  { name: "1 MB", shape: "prose", bytes: 1024 * 1024, requests: 10 },
  { name: "100 KB", shape: "typical", bytes: 100 * 1024, requests: 60 },
  { name: "1 MB", shape: "typical", bytes: 1024 * 1024, requests: 20 },
];

function readabilityText(bytes: Buffer, url: string): string {
  const dom = new JSDOM(decodePage(bytes, undefined, { sniffMeta: true }), { url, virtualConsole: new VirtualConsole() });
  return new Readability(dom.window.document).parse()?.textContent ?? "";
}

const site = await startImportSite();
const api = await startApi({ IMPORT_ALLOW_PRIVATE: "1", IMPORT_RATE_LIMIT_PER_MIN: "1000000", REDIS_URL: "" });
const importUrl = async (url: string) => {
  const res = await fetch(`${api.url}/api/articles`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ url }),
  });
  if (res.status !== 200 && res.status !== 201) throw new Error(`import of ${url} answered ${res.status}: ${await res.text()}`);
  return res.json() as Promise<{ text: string; words: number }>;
};

try {
  const timing: Array<Array<string | number>> = [];
  for (const { name, shape, bytes, requests } of SIZES) {
    const url = `${site.origin}/${shape === "prose" ? "sized" : "typical"}?bytes=${bytes}`;
    for (let i = 0; i < 5; i++) await importUrl(url);
    const latencies: number[] = [];
    let words = 0;
    for (let i = 0; i < requests; i++) {
      const { ms: took, value } = await timed(() => importUrl(url));
      words = value.words;
      latencies.push(took);
    }
    latencies.sort((a, b) => a - b);
    timing.push([name, shape, words, requests, ms(percentile(latencies, 50)), ms(percentile(latencies, 95))]);
  }

  const agreement: Array<Array<string | number>> = [];
  const pages = readdirSync(importFixturesDir).filter(
    (f) => f.endsWith(".html") && readdirSync(importFixturesDir).includes(f.replace(".html", ".expected.txt")),
  );
  for (const page of pages.sort()) {
    const meant = readFileSync(join(importFixturesDir, page.replace(".html", ".expected.txt")), "utf8");
    const ours = (await importUrl(`${site.origin}/${page}`)).text;
    const theirs = readabilityText(readFileSync(join(importFixturesDir, page)), `${site.origin}/${page}`);
    const [a, b] = [wordAgreement(ours, meant), wordAgreement(theirs, meant)];
    agreement.push([page, splitWords(meant).length, a.precision.toFixed(3), a.recall.toFixed(3), b.precision.toFixed(3), b.recall.toFixed(3)]);
  }

  console.log(
    benchHeading(
      "Importing an article by URL",
      import.meta.url,
      "the API on Bun fetching from a local site of ours over loopback, one import at a time, after 5 warm-up imports; the time covers fetch, Readability, DOMPurify, text extraction, id and store",
    ),
  );
  console.log(markdownTable(["page", "shape", "words", "imports", "p50 (target ≤ 150 ms at 100 KB)", "p95"], timing));
  console.log(
    `\nExtraction agreement: word precision and recall of the spoken \`text\` against the text we meant (tests/fixtures/import/*.expected.txt), beside Readability's own \`textContent\` for the same page (targets: precision ≥ 0.98, recall ≥ 0.99)\n`,
  );
  console.log(
    markdownTable(
      ["fixture", "words meant", "precision, ours", "recall, ours", "precision, Readability textContent", "recall, Readability textContent"],
      agreement,
    ),
  );
} finally {
  await api.stop();
  await site.close();
}
