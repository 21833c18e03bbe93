// The bytes the API writes for a body or a stream line are JSON.stringify's for the same object, whatever the
// audio's parts look like (their lengths split groups of three anywhere), and whatever the text around them holds.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { jsonWithBase64 } from "@/server/modules/tts/json-with-base64";

const joined = (parts: Uint8Array[]) => Buffer.concat(parts).toString("base64");
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("jsonWithBase64", () => {
  it.each([
    ["one part", [7]],
    ["no audio", []],
    ["an empty part", [0, 5, 0]],
    ["parts that split groups of three", [1, 1, 1, 2, 4, 5, 3, 2]],
    ["long parts", [100_001, 7, 65_536, 2]],
  ])("gives JSON.stringify's bytes with the base64 of the joined parts: %s", (_, lengths) => {
    const parts = lengths.map((n) => new Uint8Array(randomBytes(n)));
    const before = { type: "chunk", index: 3, startMs: 1234.5, durationMs: 26.122448979591837 };
    const after = {
      alignment: { characters: ["H", "é", "🎧", '"', "\\", "\n"], characterStartTimesSeconds: [0, 0.1], characterEndTimesSeconds: [0.1, 0.2] },
    };
    const bytes = jsonWithBase64(before, "audioBase64", parts, after, "\n");
    expect(text(bytes)).toBe(`${JSON.stringify({ ...before, audioBase64: joined(parts), ...after })}\n`);
  });

  it("opens and closes the object around an empty side, and leaves undefined values out", () => {
    const parts = [new Uint8Array([1, 2, 3, 4])];
    expect(text(jsonWithBase64({}, "audioBase64", parts, { voice: "Ashley", segments: undefined }))).toBe(
      JSON.stringify({ audioBase64: joined(parts), voice: "Ashley" }),
    );
    expect(text(jsonWithBase64({ a: 1 }, "audioBase64", parts, {}))).toBe(JSON.stringify({ a: 1, audioBase64: joined(parts) }));
  });
});
