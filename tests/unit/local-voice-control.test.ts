import { describe, expect, it } from "vitest";
import { createControlState } from "@/server/local-voice/control";

describe("local voice control state", () => {
  it("speaks with no delay until told otherwise", () => {
    expect(createControlState().decide(100)).toEqual({ kind: "speak", delayMs: 0 });
  });

  it("consumes failNext in order before anything else", () => {
    const control = createControlState(() => 0);
    control.configure({ failNext: [429, "hang", 500], fail429Rate: 0 });
    expect([control.decide(1), control.decide(1), control.decide(1), control.decide(1)]).toEqual([
      { kind: "fail", status: 429 },
      { kind: "hang" },
      { kind: "fail", status: 500 },
      { kind: "speak", delayMs: 0 },
    ]);
  });

  it("applies the rates against its random source", () => {
    const control = createControlState(() => 0.3);
    control.configure({ fail429Rate: 0.5 });
    expect(control.decide(1)).toEqual({ kind: "fail", status: 429 });
    control.configure({ fail429Rate: 0.2, fail500Rate: 0.4 });
    expect(control.decide(1)).toEqual({ kind: "fail", status: 500 });
    control.configure({ hangRate: 1 });
    expect(control.decide(1)).toEqual({ kind: "hang" });
  });

  it("adds the per-character latency to the fixed one, keeping settings not mentioned", () => {
    const control = createControlState();
    control.configure({ latencyMs: 100 });
    control.configure({ latencyPerCharMs: 2 });
    expect(control.decide(50)).toEqual({ kind: "speak", delayMs: 200 });
  });

  it("counts requests, characters of successes, statuses and the peak in flight", () => {
    const control = createControlState();
    control.requestStarted();
    control.requestStarted();
    control.requestFinished(200, 10);
    control.requestFinished(429, 7);
    control.requestStarted();
    control.requestFinished(undefined, 5);
    expect(control.stats()).toEqual({ requests: 3, inFlight: 0, maxInFlight: 2, characters: 10, byStatus: { "200": 1, "429": 1 } });
  });

  it("resets settings and counters but not the requests still open", () => {
    const control = createControlState(() => 0);
    control.configure({ fail500Rate: 1, failNext: [429] });
    control.requestStarted();
    control.reset();
    expect(control.decide(1)).toEqual({ kind: "speak", delayMs: 0 });
    expect(control.stats()).toEqual({ requests: 0, inFlight: 1, maxInFlight: 1, characters: 0, byStatus: {} });
    control.requestFinished(undefined, 0);
    expect(control.stats().inFlight).toBe(0);
  });
});
