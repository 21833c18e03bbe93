import { describe, expect, it } from "vitest";
import { createScrollOrigin, INTENT_MS, OWN_SCROLL_MS } from "@/client/highlight/scroll-origin";

function setup() {
  let time = 1000;
  const origin = createScrollOrigin({ now: () => time });
  return { origin, advance: (ms: number) => (time += ms) };
}

describe("createScrollOrigin", () => {
  it("takes every position of a smooth scroll of ours, on its way and where it lands, as ours", () => {
    const { origin, advance } = setup();
    origin.ours(400, 760);
    for (const y of [430, 520, 700, 759.6]) {
      advance(40);
      expect(origin.isReaders(y)).toBe(false);
    }
  });

  it("waits for a scroll of ours to land however slowly its events come (a busy page), and no longer", () => {
    const { origin, advance } = setup();
    origin.ours(400, 760);
    advance(5000);
    expect(origin.isReaders(600)).toBe(false);
    expect(origin.isReaders(760)).toBe(false);
    advance(16);
    expect(origin.isReaders(759.4), "snapped to a device pixel after landing").toBe(false);
    advance(40);
    expect(origin.isReaders(600), "back up the same path after landing").toBe(true);
  });

  it("takes a scroll after a wheel, a touch or a key as the reader's, even in the middle of one of ours", () => {
    const { origin, advance } = setup();
    origin.ours(400, 760);
    advance(40);
    origin.readerInput();
    advance(16);
    expect(origin.isReaders(520)).toBe(true);
  });

  it("takes a scroll with nothing of ours to explain it as the reader's (the scrollbar dragged)", () => {
    const { origin } = setup();
    expect(origin.isReaders(1200)).toBe(true);
  });

  it("takes a position outside the path of our scroll as the reader's", () => {
    const { origin, advance } = setup();
    origin.ours(400, 760);
    advance(40);
    expect(origin.isReaders(300)).toBe(true);
  });

  it("takes a scroll of ours started after the reader's input as ours", () => {
    const { origin, advance } = setup();
    origin.readerInput();
    advance(INTENT_MS / 2);
    origin.ours(400, 760);
    advance(16);
    expect(origin.isReaders(500)).toBe(false);
  });

  it("forgets old input and old scrolls of ours", () => {
    const { origin, advance } = setup();
    origin.readerInput();
    origin.ours(400, 760);
    advance(Math.max(INTENT_MS, OWN_SCROLL_MS) + 1);
    expect(origin.isReaders(760)).toBe(true);
  });
});
