import { describe, expect, it } from "vitest";
import { matchCleanWords } from "@/lib/dom/match-words";

const words = (s: string) => s.split(/\s+/).filter(Boolean);

describe("matchCleanWords word comparison", () => {
  it("treats words that differ only in case or punctuation as the same word when resynchronising", () => {
    const raw = words("“THE Quick, brown FOX jumps”");
    const clean = words('"the quick fox jumps"');
    expect(matchCleanWords(raw, clean)).toEqual([0, 1, 3, 4]);
  });
});
