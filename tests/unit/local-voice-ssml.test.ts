import { describe, expect, it } from "vitest";
import { escapeForEspeak } from "@/server/local-voice/ssml";

/** The input index eSpeak's 1-based code point position `position` maps back to. */
function sourceOf(text: string, position: number) {
  return escapeForEspeak(text).sourceIndex[position - 1];
}

describe("escapeForEspeak", () => {
  it("escapes the characters SSML gives meaning to", () => {
    expect(escapeForEspeak("a < b & c > d").ssml).toBe("a &lt; b &amp; c &gt; d");
  });

  it("leaves plain text unchanged, with each position mapping to itself", () => {
    const { ssml, sourceIndex } = escapeForEspeak("Hello world");
    expect(ssml).toBe("Hello world");
    expect(Array.from(sourceIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it("maps positions after an entity back to the input", () => {
    const text = "Salt & pepper";
    // "Salt &amp; pepper": the "p" of pepper is code point 12 (1-based) of the SSML, index 7 of the input.
    expect(sourceOf(text, 12)).toBe(text.indexOf("pepper"));
    // Every code point of "&amp;" belongs to the "&".
    for (let position = 6; position <= 10; position++) expect(sourceOf(text, position)).toBe(5);
  });

  it("counts code points as eSpeak does, so text after an emoji maps to the right UTF-16 index", () => {
    const text = "Hi 😀 <there>";
    const { ssml } = escapeForEspeak(text);
    const codePoints = Array.from(ssml);
    const position = codePoints.indexOf("h"); // the "t" before it, 1-based
    expect(text[sourceOf(text, position)]).toBe("t");
    expect(sourceOf(text, position)).toBe(text.indexOf("there"));
  });

  it("ends the map with the input length so an exclusive end maps too", () => {
    const text = "a&b";
    const { sourceIndex } = escapeForEspeak(text);
    expect(sourceIndex.length).toBe(Array.from("a&amp;b").length + 1);
    expect(sourceIndex.at(-1)).toBe(text.length);
  });

  it("replaces NUL and other control characters one for one, since eSpeak reads a C string", () => {
    const { ssml } = escapeForEspeak("one\u0000two\u0007three\nfour");
    expect(ssml).toBe("one two three\nfour");
  });
});
