// Extraction on hostile markup (docs/architecture.md invariants 12 and 16): nested <div>s 100, 1,000 and 10,000
// deep (the review's page: 1,000 levels in 11 KB, which once took seconds to reduce and 10,000 minutes to parse) and
// 10 KB, 100 KB and 1 MB of prose, reduced to an article by the extractor the API's extraction thread runs, in this
// process. Target: the time per element within 2× across sizes, as the time each step up in size adds per element
// it adds (linear time is a constant such slope), so the fixed cost of a document is not spread over the elements.
import { loadavg } from "node:os";
import { createArticleExtractor } from "../../server/import/extract-article";
import { fastestMs } from "../support/timing";
import { benchHeading, markdownTable, ms } from "./support/bench-kit";

const RUNS = 3;
const SENTENCE = "The harbour master counted the boats again before the tide turned. ";
const PARAGRAPH = `<p>${SENTENCE.repeat(6)}</p>`;
const page = (body: string) => `<html><head><title>Bench</title></head><body>${body}</body></html>`;

const nested = (depth: number) => page(`${"<div>".repeat(depth)}${PARAGRAPH}${"</div>".repeat(depth)}`);
const prose = (bytes: number) => page(`<article>${PARAGRAPH.repeat(Math.max(1, Math.round(bytes / PARAGRAPH.length)))}</article>`);
const elements = (html: string) => html.match(/<[a-z]/g)?.length ?? 0;

const extractor = createArticleExtractor();
const reduce = (html: string) => extractor.fromHtml(html);
// Compiled and warm before anything is timed.
for (let run = 0; run < 5; run++) reduce(prose(20_000));

const SHAPES = [
  {
    name: "nested <div>s",
    sizes: [100, 1_000, 10_000].map((depth) => ({ label: `depth ${depth.toLocaleString("en")}`, html: nested(depth) })),
    base: nested(0),
  },
  {
    name: "prose",
    sizes: [10 * 1024, 100 * 1024, 1024 * 1024].map((bytes) => ({ label: bytes >= 1024 * 1024 ? "1 MB" : `${bytes / 1024} KB`, html: prose(bytes) })),
    base: prose(0),
  },
];

const rows: Array<Array<string | number>> = [];
for (const shape of SHAPES) {
  const slopes: number[] = [];
  let previous: { time: number; elements: number } | undefined;
  for (const { label, html } of shape.sizes) {
    const time = fastestMs(reduce, html, RUNS);
    const count = elements(html);
    const slope = previous && (time - previous.time) / (count - previous.elements);
    if (slope !== undefined) slopes.push(slope);
    previous = { time, elements: count };
    const perElement = slope === undefined ? "—" : `${(slope * 1000).toFixed(1)} µs`;
    rows.push([shape.name, label, `${(html.length / 1024).toFixed(0)} KB`, count.toLocaleString("en"), ms(time), perElement]);
  }
  rows.push([shape.name, "spread", "", "", "", `${(Math.max(...slopes) / Math.min(...slopes)).toFixed(2)}× (target ≤ 2×)`]);
}

console.log(
  benchHeading(
    "Extraction on hostile markup",
    import.meta.url,
    `fastest of ${RUNS} runs, in process, load average ${loadavg()[0].toFixed(1)}; per element: what each size adds over the one before`,
  ),
);
console.log(markdownTable(["page", "size", "bytes", "elements", "time", "per added element"], rows));
