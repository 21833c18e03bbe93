import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { buildWordPositions } from "@/lib/dom/extract-text";
import { wordIndexAtRangeStart } from "@/client/dom/word-at-range";

function article(html: string) {
  const { window } = new JSDOM(`<div id="a">${html}</div>`);
  const root = window.document.getElementById("a")!;
  return { document: window.document, root, words: buildWordPositions(root).words };
}

/** A range starting `offset` characters into the first text node that contains `needle`. */
function rangeAt(document: Document, root: Element, needle: string, offset = 0): Range {
  const walker = document.createTreeWalker(root, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf(needle);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at + offset);
      range.setEnd(node, at + needle.length);
      return range;
    }
  }
  throw new Error(`no ${needle}`);
}

describe("wordIndexAtRangeStart", () => {
  it("finds the word a selection starts in, from its first letter or its middle", () => {
    const { document, root, words } = article("<p>One two three.</p><p>Four <em>five</em> six.</p>");
    expect(wordIndexAtRangeStart(words, rangeAt(document, root, "two"))).toBe(1);
    expect(wordIndexAtRangeStart(words, rangeAt(document, root, "three", 2))).toBe(2);
    expect(wordIndexAtRangeStart(words, rangeAt(document, root, "five"))).toBe(4);
    expect(words[4].text).toBe("five");
  });

  it("takes the next word when the selection starts in the space after one", () => {
    const { document, root, words } = article("<p>One two three.</p>");
    expect(wordIndexAtRangeStart(words, rangeAt(document, root, " three"))).toBe(2);
  });

  it("answers -1 after the last word", () => {
    const { document, root, words } = article("<p>One two.</p><p> </p>");
    const range = document.createRange();
    range.setStart(root.lastChild!, 1);
    expect(wordIndexAtRangeStart(words, range)).toBe(-1);
  });
});
