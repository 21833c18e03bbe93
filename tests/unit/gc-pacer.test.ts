import { describe, expect, it } from "vitest";
import { createGcPacer } from "@/server/health/gc-pacer";

describe("createGcPacer", () => {
  it("collects once each time the reported garbage passes the threshold", () => {
    let calls = 0;
    const pacer = createGcPacer({ thresholdBytes: 100, collect: () => calls++ });
    pacer.add(60);
    expect(calls).toBe(0);
    pacer.add(50);
    expect(calls).toBe(1);
    pacer.add(99);
    expect(calls).toBe(1);
    pacer.add(1);
    expect(calls).toBe(2);
    expect(pacer.collections).toBe(2);
  });

  it("does nothing where the runtime offers no collector", () => {
    const pacer = createGcPacer({ thresholdBytes: 1 });
    pacer.add(1_000);
    expect(pacer.collections).toBe(0);
  });

  it("ignores reports that are not positive sizes", () => {
    let calls = 0;
    const pacer = createGcPacer({ thresholdBytes: 10, collect: () => calls++ });
    for (const bytes of [0, -50, Number.NaN]) pacer.add(bytes);
    expect(calls).toBe(0);
  });

  it("rejects a threshold that is not positive", () => {
    for (const thresholdBytes of [0, -1, Number.NaN]) expect(() => createGcPacer({ thresholdBytes })).toThrow(/thresholdBytes/);
  });
});
