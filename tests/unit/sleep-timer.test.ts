import { describe, expect, it } from "vitest";
import { SLEEP_FADE_MS, sleepMinuteMs, sleepVolume } from "@/client/sleep/sleep-timer";

describe("sleepVolume", () => {
  it("is full until the last ten seconds, then falls linearly to silence", () => {
    expect(sleepVolume(60_000)).toBe(1);
    expect(sleepVolume(SLEEP_FADE_MS)).toBe(1);
    expect(sleepVolume(7_500)).toBeCloseTo(0.75);
    expect(sleepVolume(1_000)).toBeCloseTo(0.1);
    expect(sleepVolume(0)).toBe(0);
    expect(sleepVolume(-5)).toBe(0);
    expect(sleepVolume(Number.NaN)).toBe(0);
  });
});

describe("sleepMinuteMs", () => {
  it("is a real minute unless the page's storage shortens it", () => {
    expect(sleepMinuteMs(null)).toBe(60_000);
    expect(sleepMinuteMs("")).toBe(60_000);
    expect(sleepMinuteMs("not a number")).toBe(60_000);
    expect(sleepMinuteMs("4000")).toBe(4000);
  });

  it("can only shorten a minute, and never below a second", () => {
    expect(sleepMinuteMs("3600000")).toBe(60_000);
    expect(sleepMinuteMs("Infinity")).toBe(60_000);
    expect(sleepMinuteMs("10")).toBe(1000);
    expect(sleepMinuteMs("-4000")).toBe(1000);
  });
});
