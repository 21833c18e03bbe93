// Extraction costs linear time whatever the markup (docs/architecture.md invariants 12 and 16): the markup is
// bounded in depth and elements before jsdom and Readability, which cost more than linear time in depth, see it.
import { JSDOM, VirtualConsole } from "jsdom";
import { describe, expect, it } from "vitest";
import { boundHtml, MAX_DEPTH, PageTooComplex } from "@/server/import/bound-html";
import { createArticleExtractor } from "@/server/import/extract-article";

const SENTENCE = "The harbour master counted the boats again before the tide turned. ";
const nested = (depth: number) => `<html><body>${"<div>".repeat(depth)}<p>${SENTENCE.repeat(4)}</p>${"</div>".repeat(depth)}</body></html>`;
const prose = (bytes: number) => `<html><body><article>${`<p>${SENTENCE.repeat(6)}</p>`.repeat(Math.ceil(bytes / 420))}</article></body></html>`;

function deepest(html: string): number {
  const { document } = new JSDOM(html, { virtualConsole: new VirtualConsole() }).window;
  let max = 0;
  for (const element of document.getElementsByTagName("*")) {
    let depth = 0;
    for (let e: Element | null = element; e; e = e.parentElement) depth++;
    max = Math.max(max, depth);
  }
  return max;
}

/** The faster of two runs, in ms: the other may have met a collection or a busy neighbour. */
function fastest(work: () => void): number {
  const times = [0, 1].map(() => {
    const start = performance.now();
    work();
    return performance.now() - start;
  });
  return Math.min(...times);
}

describe("boundHtml", () => {
  it("keeps a real article's markup as it is", () => {
    const page = prose(20_000);
    expect(boundHtml(page)).toBe(page);
  });

  it("keeps every word of a page nested 10,000 deep, in elements at most MAX_DEPTH deep", () => {
    const bounded = boundHtml(nested(10_000));
    expect(deepest(bounded)).toBeLessThanOrEqual(MAX_DEPTH);
    expect(bounded).toContain(SENTENCE.repeat(4));
  });

  it("keeps words apart where it drops a block, and drops a too-deep script whole", () => {
    const page = `<div>${"<div>".repeat(5)}<p>one</p><p>two</p><script>secret()</script>${"</div>".repeat(5)}</div>`;
    const { document } = new JSDOM(boundHtml(page, { maxDepth: 2 }), { virtualConsole: new VirtualConsole() }).window;
    expect(document.body.textContent?.split(/\s+/).filter(Boolean)).toEqual(["one", "two"]);
  });

  it("reads comments, quoted attributes and raw text as a parser does", () => {
    const page = `<div title="a > b"><!-- <div><div><div> --><style>p > div { }</style><script>"<div>"</script><p>kept</p></div>`;
    expect(boundHtml(page, { maxDepth: 2 })).toBe(page);
  });

  it("refuses a page with more elements than any article", () => {
    expect(() => boundHtml("<b></b>".repeat(1_001), { maxElements: 1_000 })).toThrow(PageTooComplex);
  });
});

describe("extraction time", () => {
  const extractor = createArticleExtractor();
  extractor.fromHtml(prose(10_000));

  // Ten times the input may take at most twice ten times as long: linear with room for noise; the quadratic
  // cost this replaced took ~100 times as long (1,000 → 10,000 divs: 1 s → 160 s to parse).
  it("grows linearly with nesting depth", { timeout: 120_000 }, () => {
    const small = fastest(() => extractor.fromHtml(nested(1_000)));
    const large = fastest(() => extractor.fromHtml(nested(10_000)));
    expect(large / small).toBeLessThan(20);
  });

  it("grows linearly with page size", { timeout: 120_000 }, () => {
    const small = fastest(() => extractor.fromHtml(prose(20_000)));
    const large = fastest(() => extractor.fromHtml(prose(200_000)));
    expect(large / small).toBeLessThan(20);
  });
});
