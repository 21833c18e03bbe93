import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OPENING_MAX_CHARS, planTTSChunks } from "@/lib/text/chunk-plan";
import { cleanTextForTTS } from "@/lib/text/clean-text";
import { CHUNK_MAX_CHARS, splitTTSChunks } from "@/lib/text/split-chunks";
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

  it("opens with a heading on its own when the article starts with one", () => {
    const [opening] = planTTSChunks(ARTICLE);
    expect(opening).toEqual({ text: ARTICLE.slice(0, ARTICLE.indexOf("\n\n")), offset: 0 });
  });

  it("chunks the rest exactly as splitTTSChunks chunks it on its own", () => {
    const [opening, ...rest] = planTTSChunks(ARTICLE);
    const after = ARTICLE.slice(opening.offset + opening.text.length);
    expect(rest.map((c) => c.text)).toEqual(splitTTSChunks(after).map((c) => c.text));
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

  it("keeps the opening and the other chunks when a later paragraph is edited", () => {
    const before = planTTSChunks(ARTICLE).map((c) => c.text);
    const paragraphs = ARTICLE.split("\n\n");
    const edited = paragraphs.map((p, i) => (i === paragraphs.length - 2 ? `${p} One more sentence here.` : p)).join("\n\n");
    const after = planTTSChunks(edited).map((c) => c.text);
    expect(after[0]).toBe(before[0]);
    const kept = after.filter((text) => before.includes(text)).length;
    expect(before.length - kept).toBeLessThanOrEqual(5);
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
});
