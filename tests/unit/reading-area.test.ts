import { describe, expect, it } from "vitest";
import { followOffset, isInside, readingArea } from "@/client/highlight/reading-area";

const column = { left: 300, right: 980 };
const box = (top: number, bottom: number, left = 0, right = 1280) => ({ top, bottom, left, right });

describe("readingArea", () => {
  it("is the whole window when nothing covers the column", () => {
    expect(readingArea(860, column, [])).toEqual({ top: 0, bottom: 860 });
  });

  it("ends above the player docked at the bottom and starts below a bar fixed at the top", () => {
    const player = box(620, 836, 320, 960);
    const toolbar = box(20, 64, 900, 1256);
    expect(readingArea(860, column, [player, toolbar])).toEqual({ top: 64, bottom: 620 });
  });

  it("takes the highest of the covers at the bottom (the phone's player above its bottom bar)", () => {
    const bottomBar = box(783, 839);
    const miniPlayer = box(700, 775, 12, 400);
    expect(readingArea(839, { left: 16, right: 396 }, [bottomBar, miniPlayer])).toEqual({ top: 0, bottom: 700 });
  });

  it("ignores covers beside the column, covers not drawn, and covers outside the window", () => {
    const beside = box(20, 64, 1000, 1256);
    const hidden = box(500, 500, 0, 1280);
    const below = box(900, 1000);
    expect(readingArea(860, column, [beside, hidden, below])).toEqual({ top: 0, bottom: 860 });
  });

  it("never has its bottom above its top", () => {
    expect(readingArea(400, column, [box(0, 300), box(200, 400)])).toEqual({ top: 300, bottom: 300 });
  });
});

describe("isInside", () => {
  const area = { top: 64, bottom: 620 };
  it("holds for a box wholly in the area, edges included", () => {
    expect(isInside({ top: 64, bottom: 90 }, area)).toBe(true);
    expect(isInside({ top: 590, bottom: 620 }, area)).toBe(true);
  });
  it("fails for a box partly under a cover", () => {
    expect(isInside({ top: 600, bottom: 630 }, area)).toBe(false);
    expect(isInside({ top: 50, bottom: 80 }, area)).toBe(false);
  });
});

describe("followOffset", () => {
  const area = { top: 0, bottom: 600 };
  it("leaves a word clear of both edges where it is", () => {
    expect(followOffset({ top: 300, bottom: 330 }, area, 64)).toBe(0);
  });

  it("brings a word near the bottom edge a third of the way down, before it goes under the player", () => {
    expect(followOffset({ top: 550, bottom: 580 }, area, 64)).toBe(350);
  });

  it("brings back a word that is out of the area on either side (after a seek)", () => {
    expect(followOffset({ top: 2000, bottom: 2030 }, area, 64)).toBe(1800);
    expect(followOffset({ top: -500, bottom: -470 }, area, 64)).toBe(-700);
  });

  it("lands the word where it counts as clear, so it does not scroll again at once", () => {
    for (const [height, margin] of [
      [600, 64],
      [120, 64],
      [60, 200],
    ]) {
      const small = { top: 100, bottom: 100 + height };
      const word = { top: 900, bottom: 928 };
      const offset = followOffset(word, small, margin);
      const landed = { top: word.top - offset, bottom: word.bottom - offset };
      expect(followOffset(landed, small, margin)).toBe(0);
    }
  });
});
