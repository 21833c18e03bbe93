import { afterEach, describe, expect, it, vi } from "vitest";
import { logMemorySnapshot, startMemoryTrack, warnLargeAllocation } from "@/server/health/memory-tracker";
import { captureLogger } from "../support/capture-logger";

afterEach(() => {
  vi.useRealTimers();
});

describe("startMemoryTrack", () => {
  it("logs a memory_checkpoint with the operation's name, label and deltas", () => {
    const logs = captureLogger("memory-tracker");
    const track = startMemoryTrack("tts-synthesis", logs.logger);
    track.checkpoint("chunk-gen");
    const [line] = logs.events("memory_checkpoint");
    expect(line).toMatchObject({ logger: "memory-tracker", name: "tts-synthesis", label: "chunk-gen" });
    for (const field of ["rssMb", "heapUsedMb", "rssDeltaMb", "heapDeltaMb", "durationMs"]) expect(line[field]).toBeTypeOf("number");
  });

  it("logs memory_operation at end with the extra fields and a heap delta that reflects what was kept", () => {
    // The duration is read from a clock the test moves, not from how long the machine took.
    vi.useFakeTimers({ toFake: ["performance"] });
    const logs = captureLogger("memory-tracker");
    const track = startMemoryTrack("tts-synthesis", logs.logger);
    const kept = Array.from({ length: 200_000 }, (_, i) => ({ i, s: `item-${i}` }));
    vi.advanceTimersByTime(5);
    track.end({ chunks: 3 });
    const [line] = logs.events("memory_operation");
    expect(line).toMatchObject({ name: "tts-synthesis", chunks: 3 });
    expect(line.heapDeltaMb as number).toBeGreaterThan(1);
    expect(line.durationMs).toBe(5);
    expect(kept).toHaveLength(200_000);
  });

  it("logs the operation once even when end is called again", () => {
    const logs = captureLogger("memory-tracker");
    const track = startMemoryTrack("op", logs.logger);
    track.end();
    track.end();
    track.checkpoint("late");
    expect(logs.events("memory_operation")).toHaveLength(1);
    expect(logs.events("memory_checkpoint")).toHaveLength(0);
  });

  it("rejects an empty name with a TypeError naming it", () => {
    expect(() => startMemoryTrack("", captureLogger().logger)).toThrow(/name/);
  });
});

describe("warnLargeAllocation", () => {
  it("warns with large_allocation above the threshold only", () => {
    const logs = captureLogger("memory-tracker");
    warnLargeAllocation(logs.logger, 20 * 1024 * 1024, 20 * 1024 * 1024);
    expect(logs.events("large_allocation")).toHaveLength(0);
    warnLargeAllocation(logs.logger, 25 * 1024 * 1024, 20 * 1024 * 1024);
    expect(logs.events("large_allocation")).toEqual([expect.objectContaining({ level: 40, bytes: 25 * 1024 * 1024, sizeMb: 25 })]);
  });
});

describe("logMemorySnapshot", () => {
  it("logs the process's rss and heap in bytes with the extra fields, under the message given", () => {
    const logs = captureLogger("api:tts");
    logMemorySnapshot(logs.logger, "TTS pre-synthesis memory snapshot", { articleCache: { entries: 2 } });
    const [line] = logs.events("TTS pre-synthesis memory snapshot");
    expect(line).toMatchObject({ articleCache: { entries: 2 } });
    expect(line.rss as number).toBeGreaterThan(1024 * 1024);
    expect(line.heapUsed as number).toBeGreaterThan(0);
  });
});
