// The private podcast feed through the composed API (a real redis-server and the local voice server): a signed-in
// reader creates a feed, adds articles, and a podcast app reads the RSS and fetches ranges of the enclosures with
// nothing but the secret URL. The RSS is read back with rss-parser, not with our own code.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Parser from "rss-parser";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { enclosureRedisKey } from "@/server/modules/feed/enclosure-store";
import { uniqueSentence } from "../support/articles";
import { composeApi, type InProcessApi } from "../support/in-process-api";
import { startApi, type RunningProcess } from "../support/processes";
import { adminRedis, AUTH_SECRET, callApi, sessionToken, type ApiTarget } from "../support/tts-api";
import { voiceControl } from "../support/voice-control";
import { defaultVoiceFor } from "@/lib/voices";
import type { Redis } from "@/server/cache/redis";

const redisUrl = `${inject("redisUrl")}/14`;
const voiceUrl = inject("voiceUrl");
const base = { INWORLD_API_KEY: "integration", INWORLD_BASE_URL: voiceUrl, AUTH_SECRET, TTS_RATE_LIMIT_PER_MIN: "10000", LOG_LEVEL: "silent" };

interface FeedSummary {
  url: string | null;
  items: Array<{ articleId: string; status: string; error?: { code: string } }>;
}

const json = { "Content-Type": "application/json" };
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

async function importArticle(api: ApiTarget, token: string, title = "The lamplighter's round"): Promise<string> {
  const text = `${title}\n\nEvery evening the lamplighter walks the length of the harbour road. ${uniqueSentence()} ${uniqueSentence()}`;
  const res = await callApi(api, "/api/articles", { method: "POST", headers: { ...json, ...auth(token) }, body: JSON.stringify({ text }) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const createFeed = async (api: ApiTarget, token: string) => {
  const res = await callApi(api, "/api/feed", { method: "POST", headers: auth(token) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { url: string }).url;
};
const summary = async (api: ApiTarget, token: string) => (await (await callApi(api, "/api/feed", { headers: auth(token) })).json()) as FeedSummary;
const addItem = (api: ApiTarget, token: string, id: string, body: unknown = {}) =>
  callApi(api, `/api/feed/items/${id}`, { method: "PUT", headers: { ...json, ...auth(token) }, body: JSON.stringify(body) });

/** Waits until the item's audio is made or refused: the feed records it in the reader's summary. */
async function settled(api: ApiTarget, token: string, id: string) {
  for (let i = 0; i < 600; i++) {
    const item = (await summary(api, token)).items.find((it) => it.articleId === id);
    if (item && item.status !== "pending") return item;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`feed item ${id} never settled`);
}

const parser = new Parser();
const parseFeed = async (api: ApiTarget, url: string) => {
  const res = await callApi(api, url);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
  const xml = await res.text();
  return { xml, feed: await parser.parseString(xml) };
};
/** The enclosure URL's path (the feed's URLs are absolute, on the host that asked). */
const pathOf = (url: string) => new URL(url).pathname;

describe("the podcast feed, with Redis", () => {
  let api: InProcessApi;
  let admin: Redis;
  beforeAll(async () => {
    admin = await adminRedis(redisUrl);
    await admin.flushdb();
    api = await composeApi({ ...base, REDIS_URL: redisUrl });
  });
  afterAll(async () => {
    await api.close();
    admin.disconnect();
  });

  it("lists a reader's article as RSS 2.0 with iTunes tags, and serves its MP3 in ranges", async () => {
    const token = await sessionToken("premium", "feed-reader-a");
    const id = await importArticle(api, token);
    const url = await createFeed(api, token);
    expect(url).toMatch(/^\/feed\/[A-Za-z0-9_-]{32}\.xml$/);
    expect((await summary(api, token)).url).toBe(url);

    expect((await addItem(api, token, id)).status).toBe(202);
    expect((await settled(api, token, id)).status).toBe("ready");

    const stats = voiceControl(voiceUrl);
    const callsBefore = (await stats.stats()).requests;
    const { xml, feed } = await parseFeed(api, url);
    expect(xml).toContain('xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"/);
    expect(feed.itunes?.image).toBe("http://localhost/icons/icon-1400.png");
    expect(feed.items).toHaveLength(1);
    const [item] = feed.items;
    expect(item.title).toBe("The lamplighter's round");
    expect(item.itunes?.duration).toMatch(/^0:00:\d\d$/);
    expect(item.enclosure?.type).toBe("audio/mpeg");
    const enclosure = pathOf(item.enclosure!.url);
    expect(enclosure).toMatch(new RegExp(`^${url.slice(0, -4)}/[0-9a-f]{64}\\.mp3$`));

    // HEAD's Content-Length is checked over a real socket below: Elysia on Node (this test's process) rewrites it.
    const head = await callApi(api, enclosure, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe("audio/mpeg");
    expect(head.headers.get("accept-ranges")).toBe("bytes");
    expect(head.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    const etag = head.headers.get("etag");
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);

    const whole = new Uint8Array(await (await callApi(api, enclosure)).arrayBuffer());
    expect(whole.byteLength).toBe(Number(item.enclosure!.length));
    expect(whole.byteLength).toBeGreaterThan(2000);
    const ranged = await callApi(api, enclosure, { headers: { Range: "bytes=1000-1999" } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get("content-range")).toBe(`bytes 1000-1999/${whole.byteLength}`);
    expect(ranged.headers.get("content-length")).toBe("1000");
    expect(new Uint8Array(await ranged.arrayBuffer())).toEqual(whole.subarray(1000, 2000));
    const tail = await callApi(api, enclosure, { headers: { Range: "bytes=-100" } });
    expect(tail.status).toBe(206);
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(whole.subarray(whole.byteLength - 100));
    const notModified = await callApi(api, enclosure, { headers: { "If-None-Match": etag! } });
    expect(notModified.status).toBe(304);

    // Reading the feed and its audio never asked the voice for anything.
    expect((await stats.stats()).requests).toBe(callsBefore);
    // Kept in Redis with no expiry, as long as the item is in the feed.
    const key = enclosure.split("/").at(-1)!.slice(0, -4);
    expect(await admin.ttl(enclosureRedisKey(key))).toBe(-1);
  });

  it("answers a hostile Range header with the whole file or 416, never a 500", async () => {
    const token = await sessionToken("premium", "feed-reader-ranges");
    const id = await importArticle(api, token, "Ranges");
    const url = await createFeed(api, token);
    await addItem(api, token, id);
    await settled(api, token, id);
    const { feed } = await parseFeed(api, url);
    const enclosure = pathOf(feed.items[0].enclosure!.url);
    const size = Number(feed.items[0].enclosure!.length);
    const cases: Array<[string, number]> = [
      ["bytes=0-10,5-20", 200], // overlapping ranges
      ["bytes=0-1,3-4,6-7", 200], // several parts
      [`bytes=${"0-1,".repeat(5000)}0-1`, 200], // very many parts
      ["bytes=2000-1000", 200], // reversed
      ["bytes=abc-def", 200],
      ["bytes=-", 200],
      ["items=0-10", 200], // another unit
      [`bytes=${size}-`, 416], // starts at the end
      ["bytes=99999999999999999999999999-", 416], // huge
      [`bytes=0-99999999999999999999999999`, 206], // huge end: the rest of the file
      ["bytes=-0", 416],
    ];
    for (const [range, status] of cases) {
      const res = await callApi(api, enclosure, { headers: { Range: range } });
      expect({ range: range.slice(0, 40), status: res.status }).toEqual({ range: range.slice(0, 40), status });
      const body = new Uint8Array(await res.arrayBuffer());
      if (status === 200) expect(body.byteLength).toBe(size);
      if (status === 206) expect(body.byteLength).toBe(size);
      if (status === 416) expect(res.headers.get("content-range")).toBe(`bytes */${size}`);
    }
  });

  it("keeps one reader's feed from another, and a reset makes the old URL and its audio 404", async () => {
    const a = await sessionToken("premium", "feed-reader-owner");
    const b = await sessionToken("premium", "feed-reader-other");
    const id = await importArticle(api, a, "Only mine");
    const oldUrl = await createFeed(api, a);
    await addItem(api, a, id);
    await settled(api, a, id);
    const enclosure = pathOf((await parseFeed(api, oldUrl)).feed.items[0].enclosure!.url);
    const audioKey = enclosure.split("/").at(-1)!;

    const other = await createFeed(api, b);
    expect((await parseFeed(api, other)).feed.items).toEqual([]);
    expect((await callApi(api, `${other.slice(0, -4)}/${audioKey}`)).status).toBe(404);
    expect((await summary(api, b)).items).toEqual([]);

    const newUrl = await createFeed(api, a);
    expect(newUrl).not.toBe(oldUrl);
    expect((await callApi(api, oldUrl)).status).toBe(404);
    expect((await callApi(api, enclosure)).status).toBe(404);
    expect((await callApi(api, enclosure, { method: "HEAD" })).status).toBe(404);
    const renewed = await parseFeed(api, newUrl);
    expect(renewed.feed.items).toHaveLength(1);
    expect((await callApi(api, pathOf(renewed.feed.items[0].enclosure!.url))).status).toBe(200);
    // Stored hashed: the secret itself is nowhere in Redis.
    const secret = newUrl.slice("/feed/".length, -4);
    const dump = await Promise.all(
      (await admin.keys("feed:v1:*")).filter((k) => !k.startsWith("feed:v1:audio:")).map(async (k) => `${k} ${JSON.stringify(await admin.dump(k))}`),
    );
    expect(dump.join("\n")).not.toContain(secret);
  });

  it("drops an item's audio from the feed and from Redis when the reader removes it", async () => {
    const token = await sessionToken("premium", "feed-reader-remove");
    const id = await importArticle(api, token, "Removed later");
    const url = await createFeed(api, token);
    await addItem(api, token, id);
    await settled(api, token, id);
    const enclosure = pathOf((await parseFeed(api, url)).feed.items[0].enclosure!.url);
    const key = enclosure.split("/").at(-1)!.slice(0, -4);
    expect(await admin.exists(enclosureRedisKey(key))).toBe(1);

    expect((await callApi(api, `/api/feed/items/${id}`, { method: "DELETE", headers: auth(token) })).status).toBe(204);
    expect((await parseFeed(api, url)).feed.items).toEqual([]);
    expect((await callApi(api, enclosure)).status).toBe(404);
    expect(await admin.exists(enclosureRedisKey(key))).toBe(0);
    expect((await callApi(api, `/api/feed/items/${id}`, { method: "DELETE", headers: auth(token) })).status).toBe(404);
  });

  it("reads an article in its own language, in that language's first free voice", async () => {
    const token = await sessionToken("free", `feed-french-${Date.now()}`);
    const text = `Le marché du port\n\nLe marché couvert du vieux port a rouvert samedi matin, après deux ans de travaux. ${uniqueSentence()}`;
    const imported = await callApi(api, "/api/articles", { method: "POST", headers: { ...json, ...auth(token) }, body: JSON.stringify({ text }) });
    expect(imported.status).toBe(201);
    const { id, lang } = (await imported.json()) as { id: string; lang: string };
    expect(lang).toBe("fr");
    expect(await (await addItem(api, token, id)).json()).toMatchObject({ voice: defaultVoiceFor("fr") });
    expect((await settled(api, token, id)).status).toBe("ready");
  });

  it("refuses anonymous readers, unknown articles, bad ids and premium voices for free readers, with the JSON error", async () => {
    const free = await sessionToken("free", "feed-reader-free");
    const anonymous = await callApi(api, "/api/feed", { method: "POST" });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: "UNAUTHORIZED" });
    expect((await addItem(api, free, "not-an-id")).status).toBe(400);
    expect(await (await addItem(api, free, "A".repeat(22))).json()).toMatchObject({ code: "NOT_FOUND" });
    const id = await importArticle(api, free, "Premium voice");
    const premium = await addItem(api, free, id, { voice: "Sarah" });
    expect(premium.status).toBe(403);
    expect(await premium.json()).toMatchObject({ code: "PREMIUM_VOICE" });
    expect(await (await addItem(api, free, id, { voice: "Nobody" })).json()).toMatchObject({ code: "INVALID_REQUEST" });
    expect((await summary(api, free)).items).toEqual([]);
    expect((await addItem(api, free, id, { voice: "Ashley", extra: 1 })).status).toBe(400);
    for (const path of ["/feed/nothing.xml", `/feed/${"a".repeat(32)}.xml`, `/feed/${"a".repeat(32)}/${"0".repeat(64)}.mp3`, "/feed/a/b"]) {
      const res = await callApi(api, path);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("charges a free reader's daily quota as a listen does, and lists only audio that was made", async () => {
    const limited = await composeApi({ ...base, REDIS_URL: redisUrl, TTS_DAILY_FREE_LIMIT: "1" });
    try {
      const token = await sessionToken("free", "feed-reader-quota");
      const first = await importArticle(limited, token, "First of the day");
      const second = await importArticle(limited, token, "Second of the day");
      const url = await createFeed(limited, token);
      await addItem(limited, token, first);
      await addItem(limited, token, second);
      expect((await settled(limited, token, first)).status).toBe("ready");
      expect(await settled(limited, token, second)).toMatchObject({ status: "failed", error: { code: "DAILY_LIMIT" } });
      expect((await parseFeed(limited, url)).feed.items.map((i) => i.title)).toEqual(["First of the day"]);
    } finally {
      await limited.close();
    }
  });
});

describe("the podcast feed without Redis", () => {
  let dir: string;
  let api: RunningProcess;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "listen-feed-"));
    api = await startApi({ ...base, FEED_AUDIO_DIR: dir, LOG_LEVEL: "warn" });
  });
  afterAll(async () => {
    await api.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("keeps enclosures in its directory and answers HEAD and ranges over a real socket", async () => {
    const token = await sessionToken("premium", "feed-reader-disk");
    const id = await importArticle(api.url, token, "On disk");
    const url = await createFeed(api.url, token);
    await addItem(api.url, token, id);
    await settled(api.url, token, id);
    const { feed } = await parseFeed(api.url, url);
    const enclosure = pathOf(feed.items[0].enclosure!.url);
    expect(await readdir(dir)).toEqual([`${enclosure.split("/").at(-1)}`]);
    const head = await fetch(`${api.url}${enclosure}`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe("audio/mpeg");
    expect(head.headers.get("content-length")).toBe(feed.items[0].enclosure!.length);
    expect(Number(head.headers.get("content-length"))).toBeGreaterThan(2000);
    const feedHead = await fetch(`${api.url}${url}`, { method: "HEAD" });
    expect(feedHead.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(Number(feedHead.headers.get("content-length"))).toBeGreaterThan(500);
    const ranged = await fetch(`${api.url}${enclosure}`, { headers: { Range: "bytes=1000-1999" } });
    expect(ranged.status).toBe(206);
    expect((await ranged.arrayBuffer()).byteLength).toBe(1000);
  });
});
