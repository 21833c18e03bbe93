// A reader's feed as RSS 2.0 with the iTunes tags podcast apps read (title, author, duration, artwork, block).
// Built as one string in one pass over the items: a 500-article feed is a few hundred kilobytes.
import type { FeedItem } from "./model";

export interface FeedDocument {
  /** scheme and host the reader's podcast app used, e.g. "https://listen.example" */
  origin: string;
  secret: string;
  /** ready items only, newest first */
  items: readonly FeedItem[];
  /** when the feed last changed */
  updatedAt: Date;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
// XML 1.0 allows no control characters but tab, newline and return; an imported title may carry any.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const xml = (text: string) => text.replace(FORBIDDEN, "").replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** itunes:duration as H:MM:SS. */
export function itunesDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

const rfc822 = (iso: string | null | undefined, fallback: Date) => {
  const date = iso ? new Date(iso) : fallback;
  return (Number.isNaN(date.getTime()) ? fallback : date).toUTCString();
};

function renderItem(item: FeedItem, { origin, secret }: FeedDocument): string {
  const enclosure = `${origin}/feed/${secret}/${item.audioKey}.mp3`;
  const link = item.url ?? `${origin}/read/${item.articleId}`;
  const description = item.excerpt ?? [item.siteName, item.byline].filter(Boolean).join(" · ");
  const author = item.siteName ?? item.byline ?? "Listen";
  return [
    "<item>",
    `<title>${xml(item.title)}</title>`,
    `<link>${xml(link)}</link>`,
    `<guid isPermaLink="false">${item.audioKey}</guid>`,
    `<pubDate>${rfc822(item.addedAt, new Date())}</pubDate>`,
    `<description>${xml(description)}</description>`,
    `<itunes:author>${xml(author)}</itunes:author>`,
    `<itunes:summary>${xml(description)}</itunes:summary>`,
    `<itunes:duration>${itunesDuration(item.durationMs ?? 0)}</itunes:duration>`,
    `<itunes:image href="${xml(`${origin}/icons/icon-1400.png`)}"/>`,
    `<itunes:explicit>false</itunes:explicit>`,
    `<enclosure url="${xml(enclosure)}" length="${item.bytes ?? 0}" type="audio/mpeg"/>`,
    "</item>",
  ].join("");
}

export function renderFeed(feed: FeedDocument): string {
  const { origin } = feed;
  const artwork = `${origin}/icons/icon-1400.png`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:atom="http://www.w3.org/2005/Atom">',
    "<channel>",
    "<title>Listen: your articles</title>",
    `<link>${xml(`${origin}/`)}</link>`,
    `<atom:link href="${xml(`${origin}/feed/${feed.secret}.xml`)}" rel="self" type="application/rss+xml"/>`,
    "<description>The articles you added to your podcast feed in Listen, read aloud.</description>",
    "<language>en</language>",
    `<lastBuildDate>${feed.updatedAt.toUTCString()}</lastBuildDate>`,
    `<image><url>${xml(artwork)}</url><title>Listen: your articles</title><link>${xml(`${origin}/`)}</link></image>`,
    "<itunes:author>Listen</itunes:author>",
    "<itunes:summary>The articles you added to your podcast feed in Listen, read aloud.</itunes:summary>",
    `<itunes:image href="${xml(artwork)}"/>`,
    '<itunes:category text="News"/>',
    "<itunes:explicit>false</itunes:explicit>",
    "<itunes:type>episodic</itunes:type>",
    // A private feed: directories that find the URL must not list it.
    "<itunes:block>Yes</itunes:block>",
    ...feed.items.map((item) => renderItem(item, feed)),
    "</channel>",
    "</rss>\n",
  ].join("");
}
