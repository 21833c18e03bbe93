import { expect, test } from "vitest";
import { createTabAudioCache } from "@/client/audio-cache/tab-audio-cache";

const audio = new Blob([new Uint8Array([0xff, 0xfb])], { type: "audio/mpeg" });
const alignment = { characters: ["a"], characterStartTimesSeconds: [0], characterEndTimesSeconds: [0.1] };

test("a voice heard for this text is served; another text is a miss", () => {
  const cache = createTabAudioCache(() => undefined);
  cache.set("Ashley", "text one", { blobUrl: "blob:1", audio, alignment, durationMs: 100 });
  expect(cache.get("Ashley", "text one")?.blobUrl).toBe("blob:1");
  expect(cache.get("Ashley", "text two")).toBeUndefined();
  expect(cache.get("Dennis", "text one")).toBeUndefined();
});

test("replacing a voice's entry revokes the URL it held", () => {
  const revoked: string[] = [];
  const cache = createTabAudioCache((url) => revoked.push(url));
  cache.set("Ashley", "one", { blobUrl: "blob:1", audio, alignment, durationMs: 100 });
  cache.set("Ashley", "two", { blobUrl: "blob:2", audio, alignment, durationMs: 100 });
  expect(revoked).toEqual(["blob:1"]);
});

test("clear revokes every URL it holds", () => {
  const revoked: string[] = [];
  const cache = createTabAudioCache((url) => revoked.push(url));
  cache.set("Ashley", "t", { blobUrl: "blob:1", audio, alignment, durationMs: 100 });
  cache.set("Dennis", "t", { blobUrl: "blob:2", audio, alignment, durationMs: 100 });
  cache.clear();
  expect(revoked.sort()).toEqual(["blob:1", "blob:2"]);
  expect(cache.size).toBe(0);
});
