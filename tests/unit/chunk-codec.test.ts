import { describe, expect, it } from "vitest";
import { decodeChunkEntry, encodeChunkEntry, type ChunkEntry } from "@/server/cache/chunk-cache";

const entry: ChunkEntry = {
  audio: new Uint8Array([0xff, 0xfb, 0x90, 0x64, 0, 1, 2, 3]),
  alignment: { characters: ["H", "i", " ", "🎧"], characterStartTimesSeconds: [0, 0.1, 0.2, 0.3], characterEndTimesSeconds: [0.1, 0.2, 0.3, 0.45] },
  durationMs: 470.25,
};

describe("chunk cache entry codec", () => {
  it("round-trips audio, alignment and a fractional duration", () => {
    const decoded = decodeChunkEntry(encodeChunkEntry(entry));
    expect(decoded).toEqual(entry);
    expect(decoded.audio.constructor).toBe(Uint8Array);
  });

  it("lays out magic, duration, JSON length, JSON, audio", () => {
    const bytes = encodeChunkEntry(entry);
    const view = new DataView(bytes.buffer);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe("LCK1");
    expect(view.getFloat64(4)).toBe(470.25);
    const jsonLength = view.getUint32(12);
    expect(JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + jsonLength)))).toEqual(entry.alignment);
    expect(bytes.subarray(16 + jsonLength)).toEqual(entry.audio);
  });

  it("decodes from a view into a larger buffer", () => {
    const encoded = encodeChunkEntry(entry);
    const padded = new Uint8Array(encoded.byteLength + 10);
    padded.set(encoded, 5);
    expect(decodeChunkEntry(padded.subarray(5, 5 + encoded.byteLength))).toEqual(entry);
  });

  it.each([
    ["too short", new Uint8Array(4)],
    ["wrong magic", new Uint8Array(32)],
    ["truncated JSON", encodeChunkEntry(entry).subarray(0, 20)],
  ])("rejects %s", (_name, bytes) => {
    expect(() => decodeChunkEntry(bytes)).toThrow();
  });
});
