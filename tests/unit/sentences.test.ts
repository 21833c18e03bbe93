import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextSentenceStart, previousSentenceStart, sentenceOf, sentenceStarts } from "@/client/text/sentences";

const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe("sentenceStarts", () => {
  it("starts a sentence after a full stop, question or exclamation mark", () => {
    expect(sentenceStarts(words("It was late. Was it? Yes! The end."))).toEqual([0, 3, 5, 6]);
  });

  it("keeps titles and common abbreviations inside the sentence", () => {
    expect(sentenceStarts(words("Mr. Smith met Dr. Jones on St. James Street, e.g. Tuesday. Then he left."))).toEqual([0, 11]);
  });

  it("treats single-letter initials as part of a name", () => {
    expect(sentenceStarts(words("J. R. R. Tolkien wrote it. It sold."))).toEqual([0, 6]);
  });

  it("does not cut decimals, versions or a full stop followed by lower case", () => {
    expect(sentenceStarts(words("It cost 3.50 dollars. The v1.2 build was fine. and so on."))).toEqual([0, 4]);
  });

  it("ends a sentence at punctuation inside closing quotes and brackets", () => {
    expect(sentenceStarts(words('He said "Go home." (She did.) “Fine,” he said.'))).toEqual([0, 4, 6]);
  });

  it("starts a sentence at an opening quote or a digit", () => {
    expect(sentenceStarts(words('It rained. "Who knew?" 42 people came.'))).toEqual([0, 2, 4]);
  });

  it("answers nothing for no words", () => {
    expect(sentenceStarts([])).toEqual([]);
  });

  it("is strictly increasing, starts at 0 and stays within the words, for any words", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-z0-9.!?"'()]{1,8}$/), { maxLength: 200 }), (ws) => {
        const starts = sentenceStarts(ws);
        expect(starts.length === 0).toBe(ws.length === 0);
        if (starts.length > 0) expect(starts[0]).toBe(0);
        for (let i = 1; i < starts.length; i++) {
          expect(starts[i]).toBeGreaterThan(starts[i - 1]);
          expect(starts[i]).toBeLessThan(ws.length);
        }
      }),
    );
  });

  it("takes linear time: 200,000 words of abbreviations and stops", () => {
    const many = Array.from({ length: 200_000 }, (_, i) => (i % 3 === 0 ? "Mr." : i % 3 === 1 ? "Smith." : "Yes"));
    expect(sentenceStarts(many).length).toBeGreaterThan(60_000);
  });
});

describe("moving by sentence", () => {
  const starts = [0, 5, 12, 20];

  it("finds the sentence holding a word", () => {
    expect([0, 4, 5, 11, 12, 25].map((w) => sentenceOf(starts, w))).toEqual([0, 0, 1, 1, 2, 3]);
  });

  it("goes to the start of the next sentence, and nowhere from the last", () => {
    expect(nextSentenceStart(starts, 6)).toBe(12);
    expect(nextSentenceStart(starts, 0)).toBe(5);
    expect(nextSentenceStart(starts, 22)).toBeNull();
  });

  it("restarts a sentence under way, and goes back one from a sentence just begun", () => {
    expect(previousSentenceStart(starts, 16)).toBe(12);
    expect(previousSentenceStart(starts, 13)).toBe(5);
    expect(previousSentenceStart(starts, 2)).toBe(0);
    expect(previousSentenceStart(starts, -1)).toBe(0);
  });
});
