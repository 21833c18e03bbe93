import { describe, expect, it } from "vitest";
import { matchCleanWords } from "@/lib/dom/match-words";

const words = (s: string) => s.split(/\s+/).filter(Boolean);

describe("matchCleanWords", () => {
  it("maps word for word when cleaning changed nothing", () => {
    expect(matchCleanWords(words("a b c d"), words("a b c d"))).toEqual([0, 1, 2, 3]);
  });

  it("skips raw words that cleaning removed (a dropped junk line) without shifting later words", () => {
    const raw = words("the end of one . Advertisement Share this article the next one starts here");
    const clean = words("the end of one . the next one starts here");
    const map = matchCleanWords(raw, clean);
    expect(map.map((i) => raw[i])).toEqual(clean);
    expect(map[5]).toBe(9);
  });

  it("pairs a rewritten word with the raw word it replaced", () => {
    expect(matchCleanWords(words("one two thr\u00ADee four five"), words("one two three four five"))).toEqual([0, 1, 2, 3, 4]);
    expect(matchCleanWords(words("a b X c d e"), words("a b Y c d e"))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("does not resync on a lone common word far ahead", () => {
    const raw = words("the cat sat (Photo by Jo / AP) on the mat by the door");
    const clean = words("the cat sat on the mat by the door");
    expect(matchCleanWords(raw, clean).map((i) => raw[i])).toEqual(clean);
  });

  it("maps cleaned words with no raw counterpart to -1", () => {
    expect(matchCleanWords(words("a b"), words("a b c"))).toEqual([0, 1, -1]);
  });
});
