import Parser from "rss-parser";
import { describe, expect, test } from "vitest";
import type { FeedItem } from "@/server/modules/feed/model";
import { itunesDuration, renderFeed } from "@/server/modules/feed/rss";

const item = (over: Partial<FeedItem>): FeedItem => ({
  articleId: "A".repeat(22),
  voice: "Ashley",
  addedAt: "2026-12-01T10:00:00.000Z",
  title: "Title",
  siteName: "Site",
  byline: null,
  url: "https://site.example/a",
  excerpt: "An excerpt",
  publishedTime: null,
  status: "ready",
  audioKey: "a".repeat(64),
  bytes: 1234,
  durationMs: 3_723_400,
  ...over,
});

describe("renderFeed", () => {
  test("escapes what an imported title may carry, so the feed stays well-formed XML", async () => {
    const hostile = `Tom & Jerry <script>"x"</script> 'y' \u0001\u001f end`;
    const xml = renderFeed({
      origin: "https://listen.example",
      secret: "s".repeat(32),
      items: [item({ title: hostile, excerpt: hostile })],
      updatedAt: new Date(0),
    });
    const feed = await new Parser().parseString(xml);
    expect(feed.items[0].title).toBe(`Tom & Jerry <script>"x"</script> 'y'  end`);
    expect(xml).not.toContain("<script>");
  });

  test("gives each item its enclosure on the feed's host, its size, type and duration", async () => {
    const xml = renderFeed({ origin: "https://listen.example", secret: "s".repeat(32), items: [item({})], updatedAt: new Date(0) });
    const [parsed] = (await new Parser().parseString(xml)).items;
    expect(parsed.enclosure).toEqual({
      url: `https://listen.example/feed/${"s".repeat(32)}/${"a".repeat(64)}.mp3`,
      length: "1234",
      type: "audio/mpeg",
    });
    expect(parsed.itunes?.duration).toBe("1:02:03");
    expect(parsed.guid).toBe("a".repeat(64));
  });

  test.each([
    [0, "0:00:00"],
    [59_600, "0:01:00"],
    [3_600_000, "1:00:00"],
  ])("writes %i ms as %s", (ms, text) => {
    expect(itunesDuration(ms)).toBe(text);
  });
});
