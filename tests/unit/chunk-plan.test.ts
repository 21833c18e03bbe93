import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FASTEST_RATE, OPENING_MAX_CHARS, planSpeech, planTTSChunks, RAMP_GROWTH, rampLimit, SPEECH_MS_PER_CHAR } from "@/lib/text/chunk-plan";
import { cleanTextForTTS } from "@/lib/text/clean-text";
import { CHUNK_MAX_CHARS, splitTTSChunks } from "@/lib/text/split-chunks";
import { SAMPLE_ARTICLES } from "@/components/article/samples";
import type { Article, Inline } from "@/components/article/types";
import { createRandom, randomChars, randomInt, randomProse } from "@/tests/support/random-text";

const ARTICLE = cleanTextForTTS(readFileSync(new URL("../fixtures/text/long-article.txt", import.meta.url), "utf8"));

/** Every character but whitespace between chunks lies in exactly one chunk, in order, at its offset. */
function expectCovers(text: string, plan: ReturnType<typeof planTTSChunks>) {
  let end = 0;
  for (const chunk of plan) {
    expect(text.slice(chunk.offset, chunk.offset + chunk.text.length)).toBe(chunk.text);
    expect(text.slice(end, chunk.offset).trim()).toBe("");
    expect(chunk.text.length).toBeGreaterThan(0);
    end = chunk.offset + chunk.text.length;
  }
  expect(text.slice(end).trim()).toBe("");
}

describe("planTTSChunks", () => {
  it("opens with the first sentences that fit in 300 characters, cut at a sentence end", () => {
    const prose = ARTICLE.slice(ARTICLE.indexOf("\n\n") + 2);
    const [opening, ...rest] = planTTSChunks(prose);
    expect(opening.offset).toBe(0);
    expect(opening.text.length).toBeLessThanOrEqual(OPENING_MAX_CHARS);
    expect(opening.text).toMatch(/[.!?…]["”’)]*$/);
    // Two sentences fit (298 characters); the third, after "Mrs." (not a sentence end), would not.
    expect(opening.text).toBe(prose.slice(0, prose.indexOf("complaining cloud.") + "complaining cloud.".length));
    expect(rest.every((chunk) => chunk.text.length <= CHUNK_MAX_CHARS)).toBe(true);
    expectCovers(prose, [opening, ...rest]);
  });

  it("opens with a heading and the sentence after it when the article starts with one", () => {
    const [opening] = planTTSChunks(ARTICLE);
    expect(opening).toEqual({ text: "Part 1: Port Elling\n\nThe harbour at Port Elling wakes before the town does.", offset: 0 });
    // No sentence ends within reach after the heading: the opening ends at a clause past the heading.
    const [short] = planTTSChunks(
      `Chapter 1\n\nIt was the best of times, it was the worst of times, it was the age of wisdom, it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity.`,
    );
    expect(short.text).toBe(
      "Chapter 1\n\nIt was the best of times, it was the worst of times, it was the age of wisdom, it was the age of foolishness, it was the epoch of belief,",
    );
  });

  it("after the ramp, chunks the rest exactly as splitTTSChunks chunks it on its own", () => {
    const plan = planTTSChunks(ARTICLE);
    const ramp = rampLength(plan);
    const last = plan[ramp - 1];
    const after = ARTICLE.slice(last.offset + last.text.length);
    expect(plan.slice(ramp).map((c) => c.text)).toEqual(splitTTSChunks(after).map((c) => c.text));
  });

  it("is one chunk for a text of one short paragraph, and none for an empty one", () => {
    expect(planTTSChunks("Hello there. How are you?")).toEqual([{ text: "Hello there. How are you?", offset: 0 }]);
    expect(planTTSChunks("")).toEqual([]);
    expect(planTTSChunks(" \n\n ")).toEqual([]);
  });

  it("cuts an opening sentence longer than 300 characters at a clause, then a word", () => {
    const long = `${"word, ".repeat(80)}end. Second sentence.`;
    const [opening] = planTTSChunks(long);
    expect(opening.text.length).toBeLessThanOrEqual(OPENING_MAX_CHARS);
    expect(opening.text.endsWith(",")).toBe(true);
    const words = "x".repeat(20).concat(" ").repeat(40);
    expect(planTTSChunks(words)[0].text.length).toBeLessThanOrEqual(OPENING_MAX_CHARS);
  });

  it("keeps the opening, the ramp and the other chunks when a later paragraph is edited", () => {
    const before = planTTSChunks(ARTICLE).map((c) => c.text);
    const paragraphs = ARTICLE.split("\n\n");
    const edited = paragraphs.map((p, i) => (i === paragraphs.length - 2 ? `${p} One more sentence here.` : p)).join("\n\n");
    const after = planTTSChunks(edited).map((c) => c.text);
    const ramp = rampLength(planTTSChunks(ARTICLE));
    expect(after.slice(0, ramp)).toEqual(before.slice(0, ramp));
    const kept = after.filter((text) => before.includes(text)).length;
    expect(before.length - kept).toBeLessThanOrEqual(5);
  });

  it("changes only the chunks near an edit inside the ramp, not the article's later chunks", () => {
    const before = planTTSChunks(ARTICLE).map((c) => c.text);
    const paragraphs = ARTICLE.split("\n\n");
    // The second paragraph is read in the ramp; an edit there moves the ramp's cuts and then the packing up to the
    // next anchor, never further.
    const edited = paragraphs.map((p, i) => (i === 1 ? p.replace(". ", ". Quite so. ") : p)).join("\n\n");
    const after = planTTSChunks(edited).map((c) => c.text);
    expect(after).not.toEqual(before);
    const kept = after.filter((text) => before.includes(text)).length;
    expect(before.length - kept).toBeLessThanOrEqual(7);
    expect(after.slice(-10)).toEqual(before.slice(-10));
  });

  it("covers any text with chunks within their limits", () => {
    const random = createRandom(15);
    for (let run = 0; run < 300; run++) {
      const text = run % 3 === 0 ? randomChars(random, randomInt(random, 0, 3000)) : randomProse(random, randomInt(random, 0, 6000));
      const plan = planTTSChunks(text);
      expectCovers(text, plan);
      if (plan.length > 0) expect(plan[0].text.length).toBeLessThanOrEqual(OPENING_MAX_CHARS);
      for (const chunk of plan) expect(chunk.text.length).toBeLessThanOrEqual(CHUNK_MAX_CHARS);
    }
  });

  it("grows each chunk from the opening up to the full size, never past RAMP_GROWTH times the text before it", () => {
    const texts = [
      ARTICLE,
      ...SAMPLE_ARTICLES.map(sampleText),
      ...Array.from({ length: 200 }, (_, i) => randomProse(createRandom(100 + i), 2_000 + i * 50)),
    ];
    for (const text of texts) {
      const plan = planTTSChunks(text);
      const ramp = rampLength(plan);
      let planned = plan[0].text.length;
      for (let k = 1; k < plan.length; k++) {
        expect(plan[k].text.length).toBeLessThanOrEqual(rampLimit(planned));
        if (k < ramp) expect(plan[k].text.length).toBeLessThanOrEqual(RAMP_GROWTH * planned);
        planned += plan[k].text.length;
      }
      // The bounds grow with the text planned, to the full size within a few chunks.
      expect(ramp).toBeLessThanOrEqual(5);
      if (text.length > 6_000) expect(rampLimit(plan.slice(0, ramp).reduce((n, c) => n + c.text.length, 0))).toBe(CHUNK_MAX_CHARS);
      expectCovers(text, plan);
    }
  });

  it("plans chunks that grow from the opening to the full size within a few chunks", () => {
    const sizes = planTTSChunks(ARTICLE).map((c) => c.text.length);
    expect(sizes[0]).toBe(75);
    expect(sizes[1]).toBeLessThanOrEqual(RAMP_GROWTH * sizes[0]);
    expect(sizes[2]).toBeGreaterThan(sizes[1]);
    expect(sizes[2]).toBeLessThanOrEqual(RAMP_GROWTH * (sizes[0] + sizes[1]));
    expect(sizes[2]).toBeGreaterThan(1000);
    expect(Math.max(...sizes.slice(3))).toBeGreaterThan(CHUNK_MAX_CHARS * 0.9);
  });

  // The stream as the API runs it (docs/architecture.md, "Streaming"): chunks start in text order, three in flight;
  // each lands when its upstream call ends, and is needed when the audio before it has played.
  describe.each([
    { voice: "Inworld at its slowest (1 s + 1.1 ms a character, 3 s for a full chunk)", workers: 3, fixedMs: 1000, msPerChar: 1.1 },
    { voice: "the local voice under npm start (two cores shared, 100 ms + 5 ms a character)", workers: 2, fixedMs: 100, msPerChar: 5 },
  ])("with $voice", ({ workers, fixedMs, msPerChar }) => {
    it.each([1, FASTEST_RATE])("keeps every chunk ahead of the listener at %d×", (rate) => {
      const texts = [
        ARTICLE,
        ...SAMPLE_ARTICLES.map(sampleText),
        ...Array.from({ length: 100 }, (_, i) => randomProse(createRandom(500 + i), 3_000 + i * 97)),
      ];
      // A conversation that opens with a two-word turn, then a long one: the smallest opening there is.
      const plans = [
        ...texts.map(planTTSChunks),
        planSpeech([
          { text: "Good evening.", voiceId: "Ashley" },
          { text: ARTICLE, voiceId: "Dennis" },
        ]).chunks,
      ];
      for (const plan of plans) {
        const sizes = plan.map((c) => c.text.length);
        const arrivals = simulateArrivals(sizes, { inFlight: 3, workers, costMs: (chars) => fixedMs + msPerChar * chars });
        let neededAt = arrivals[0];
        sizes.forEach((chars, k) => {
          expect(arrivals[k], `chunk ${k} of ${sizes.join(",")}`).toBeLessThanOrEqual(neededAt);
          neededAt += (chars * SPEECH_MS_PER_CHAR) / rate;
        });
      }
    });
  });
});

/** How many chunks the opening and the ramp take: those planned while the bound was under the full size. */
function rampLength(plan: ReturnType<typeof planTTSChunks>): number {
  let planned = 0;
  let k = 0;
  for (; k < plan.length && (k === 0 || rampLimit(planned) < CHUNK_MAX_CHARS); k++) planned += plan[k].text.length;
  return k;
}

/** A sample's prose, paragraph by paragraph: near enough its spoken text for planning. */
function sampleText(sample: Article): string {
  const inline = (content: string | Inline[]) =>
    typeof content === "string" ? content : content.map((part) => (typeof part === "string" ? part : part.text)).join("");
  const blocks = sample.blocks.flatMap((block) =>
    "content" in block ? [inline(block.content)] : "text" in block ? [block.text] : "items" in block ? block.items.map(inline) : [],
  );
  return cleanTextForTTS(blocks.join("\n\n"));
}

/**
 * When each chunk lands: the API starts chunk k once fewer than `inFlight` are in flight (in text order, as
 * parallelMap does), and the upstream serves `workers` at a time, first come first served, each taking costMs.
 */
function simulateArrivals(sizes: number[], { inFlight, workers, costMs }: { inFlight: number; workers: number; costMs: (chars: number) => number }) {
  const arrivals: number[] = [];
  const workerFree = Array.from({ length: workers }, () => 0);
  const started: number[] = [];
  sizes.forEach((chars, k) => {
    // Sent when the call k - inFlight has come back (all earlier calls land in order here: the costs grow).
    const sent =
      k < inFlight
        ? 0
        : Math.min(
            ...arrivals
              .slice(0, k)
              .sort((a, b) => a - b)
              .slice(k - inFlight, k - inFlight + 1),
          );
    const worker = workerFree.indexOf(Math.min(...workerFree));
    const start = Math.max(sent, workerFree[worker]);
    started.push(start);
    workerFree[worker] = start + costMs(chars);
    arrivals.push(workerFree[worker]);
  });
  // A line goes out once every chunk before it has (the stream is in text order).
  for (let k = 1; k < arrivals.length; k++) arrivals[k] = Math.max(arrivals[k], arrivals[k - 1]);
  return arrivals;
}
