import { describe, expect, it } from "vitest";
import { findWordIndex } from "@/client/highlight/find-word";
import { alignToDomIdx, domToAlignIdx } from "@/client/highlight/index-map";
import { applyWordStateChange, type WordState } from "@/client/highlight/word-states";

describe("alignToDomIdx / domToAlignIdx", () => {
  it("passes indexes through when the counts match", () => {
    for (const idx of [0, 1, 57, 99]) {
      expect(alignToDomIdx(idx, 100, 100)).toBe(idx);
      expect(domToAlignIdx(idx, 100, 100)).toBe(idx);
    }
  });

  it("scales proportionally when the counts differ, keeping both ends", () => {
    expect(alignToDomIdx(0, 100, 50)).toBe(0);
    expect(alignToDomIdx(99, 100, 50)).toBe(49);
    expect(alignToDomIdx(50, 101, 201)).toBe(100);
    expect(domToAlignIdx(49, 50, 100)).toBe(99);
  });

  it("answers -1 for a negative index or an empty target", () => {
    expect(alignToDomIdx(-1, 10, 10)).toBe(-1);
    expect(domToAlignIdx(3, 10, 0)).toBe(-1);
  });
});

describe("findWordIndex", () => {
  const starts = [0, 0.5, 0.9, 1.4, 2];

  it("finds the last word that has started", () => {
    expect(findWordIndex(starts, 0)).toBe(0);
    expect(findWordIndex(starts, 0.7)).toBe(1);
    expect(findWordIndex(starts, 1.4)).toBe(3);
    expect(findWordIndex(starts, 99)).toBe(4);
  });

  it("answers -1 before the first word and for no words", () => {
    expect(findWordIndex([0.2, 1], 0.1)).toBe(-1);
    expect(findWordIndex([], 3)).toBe(-1);
  });
});

describe("applyWordStateChange", () => {
  const run = (prev: number, next: number, count = 10) => {
    const calls: Array<[number, WordState]> = [];
    applyWordStateChange(prev, next, count, (i, s) => calls.push([i, s]));
    return calls;
  };

  it("touches only the words between the old and the new current word", () => {
    expect(run(3, 5)).toEqual([
      [3, "spoken"],
      [4, "spoken"],
      [5, "current"],
    ]);
  });

  it("marks words unspoken again when seeking backwards", () => {
    expect(run(6, 4)).toEqual([
      [4, "current"],
      [5, "unspoken"],
      [6, "unspoken"],
    ]);
  });

  it("does nothing when the word did not change, and handles -1 (before the first word)", () => {
    expect(run(4, 4)).toEqual([]);
    expect(run(-1, 1)).toEqual([
      [0, "spoken"],
      [1, "current"],
    ]);
    expect(run(1, -1)).toEqual([
      [0, "unspoken"],
      [1, "unspoken"],
    ]);
  });
});
