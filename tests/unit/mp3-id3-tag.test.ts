import { parseBuffer } from "music-metadata";
import { describe, expect, it } from "vitest";
import { buildId3Tag, ID3_MAX_FIELD_CHARS, withId3Tag } from "@/lib/mp3/id3-tag";
import { id3v2TagLength } from "@/lib/mp3/tags";
import { parseMp3DurationMs } from "@/lib/mp3/duration";
import { expectedMp3, readMp3Fixture } from "../support/mp3-fixtures";

const TEXT = { title: "How a Lighthouse Keeps Its Light", artist: "Listen Editions", album: "Listen" };

describe("ID3v2.3 tag", () => {
  it("is a v2.3 tag whose size covers exactly its frames", () => {
    const tag = buildId3Tag(TEXT);
    expect([...tag.subarray(0, 5)]).toEqual([0x49, 0x44, 0x33, 3, 0]);
    expect(id3v2TagLength(tag, 0)).toBe(tag.length);
  });

  it("is read back by an MP3 reader: title, artist and album, in Latin-1 and in UTF-16", async () => {
    const mp3 = readMp3Fixture("cbr-44k-64k-mono-notag.mp3");
    for (const text of [TEXT, { title: "Ça va — 東京の夜 🌙", artist: "Zoë’s “Site”", album: "Listen" }]) {
      const { common, format } = await parseBuffer(withId3Tag(mp3, text), { mimeType: "audio/mpeg" });
      expect({ title: common.title, artist: common.artist, album: common.album }).toEqual(text);
      expect(format.tagTypes).toContain("ID3v2.3");
    }
  });

  it("replaces a tag the file already had and leaves the audio as it was", async () => {
    const name = "cbr-44k-64k-mono-id3v2.mp3";
    const mp3 = readMp3Fixture(name);
    const audio = mp3.subarray(id3v2TagLength(mp3, 0));
    const tagged = withId3Tag(mp3, TEXT);
    const tagLength = id3v2TagLength(tagged, 0);
    expect(tagged.subarray(tagLength)).toEqual(audio);
    expect(id3v2TagLength(tagged, tagLength)).toBe(0);
    const { sampleRate, decodedSamples } = expectedMp3[name];
    expect(parseMp3DurationMs(tagged)).toBeCloseTo((decodedSamples / sampleRate) * 1000, -1);
    expect((await parseBuffer(tagged, { mimeType: "audio/mpeg" })).common.title).toBe(TEXT.title);
  });

  it("cuts a field longer than the cap instead of growing without bound", async () => {
    const long = "x".repeat(ID3_MAX_FIELD_CHARS * 5);
    const tag = buildId3Tag({ ...TEXT, title: long });
    expect(tag.length).toBeLessThan(ID3_MAX_FIELD_CHARS + 200);
    const { common } = await parseBuffer(withId3Tag(readMp3Fixture("cbr-44k-64k-mono-notag.mp3"), { ...TEXT, title: long }), {
      mimeType: "audio/mpeg",
    });
    expect(common.title).toBe("x".repeat(ID3_MAX_FIELD_CHARS));
  });
});
