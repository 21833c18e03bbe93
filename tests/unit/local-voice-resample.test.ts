import { describe, expect, it } from "vitest";
import { resampleLinear } from "@/server/local-voice/resample";

describe("resampleLinear", () => {
  it("doubles the length from 22.05 kHz to 44.1 kHz and interpolates between samples", () => {
    const output = resampleLinear(Float32Array.from([0, 1, 0, -1]), 22050, 44100);
    expect(output.length).toBe(8);
    expect(Array.from(output)).toEqual([0, 0.5, 1, 0.5, 0, -0.5, -1, -1]);
  });

  it("keeps the duration at any target rate", () => {
    const input = new Float32Array(22050);
    for (const rate of [8000, 16000, 24000, 32000, 48000]) {
      expect(resampleLinear(input, 22050, rate).length).toBe(rate);
    }
  });

  it("keeps a sine wave's shape when upsampling", () => {
    const input = Float32Array.from({ length: 2205 }, (_, i) => Math.sin((2 * Math.PI * 200 * i) / 22050));
    const output = resampleLinear(input, 22050, 44100);
    let worst = 0;
    for (let i = 0; i < output.length - 2; i++) {
      worst = Math.max(worst, Math.abs(output[i] - Math.sin((2 * Math.PI * 200 * i) / 44100)));
    }
    expect(worst).toBeLessThan(0.01);
  });

  it("returns a copy at the same rate and handles empty input", () => {
    const input = Float32Array.from([0.25, -0.25]);
    const same = resampleLinear(input, 44100, 44100);
    expect(Array.from(same)).toEqual([0.25, -0.25]);
    expect(same).not.toBe(input);
    expect(resampleLinear(new Float32Array(0), 22050, 44100).length).toBe(0);
  });

  it.each([
    [0, 44100],
    [22050, 0],
    [Number.NaN, 44100],
    [-22050, 44100],
  ])("rejects the rates %s → %s", (from, to) => {
    expect(() => resampleLinear(new Float32Array(4), from, to)).toThrow(RangeError);
  });
});
