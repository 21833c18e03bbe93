// What a free or anonymous reader has left today (kept in localStorage: today's
// article URLs). The server's X-TTS-Usage-* headers are the truth whenever a request was made; the
// record of today's articles covers the time before one is. Days are UTC, as the server's quota days are.
import { FREE_DAILY_LIMIT } from "@/lib/free-tier";
import type { QuotaUsage } from "@/lib/quota/quota-usage";

const MAX_ARTICLES = 200;

export interface QuotaRecord {
  /** UTC day, YYYY-MM-DD */
  day: string;
  /** keys of the articles (text + voice) the server counted today */
  articles: string[];
  /** the server's last reported count and limit for today */
  count: number;
  limit: number;
  /** the banner was closed today */
  dismissed: boolean;
}

export function emptyRecord(day: string): QuotaRecord {
  return { day, articles: [], count: 0, limit: FREE_DAILY_LIMIT, dismissed: false };
}

const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;

/** Today's record from whatever was stored: anything malformed or from another day starts afresh. */
export function readRecord(stored: unknown, day: string): QuotaRecord {
  if (typeof stored !== "object" || stored === null) return emptyRecord(day);
  const r = stored as Partial<Record<keyof QuotaRecord, unknown>>;
  if (r.day !== day || !Array.isArray(r.articles) || !isCount(r.count) || !isCount(r.limit)) return emptyRecord(day);
  const articles = r.articles.filter((a): a is string => typeof a === "string").slice(-MAX_ARTICLES);
  return { day, articles, count: r.count, limit: r.limit, dismissed: r.dismissed === true };
}

/** After the server answered with usage headers; `articleKey` when it served (and so counted) the article. */
export function recordUsage(record: QuotaRecord, usage: QuotaUsage, articleKey?: string): QuotaRecord {
  const articles = articleKey && !record.articles.includes(articleKey) ? [...record.articles, articleKey].slice(-MAX_ARTICLES) : record.articles;
  // A new remaining count is news again: a banner closed at "2 remaining" comes back at "1 remaining".
  const changed = usage.count !== record.count || usage.limit !== record.limit;
  return { ...record, articles, count: usage.count, limit: usage.limit, dismissed: record.dismissed && !changed };
}

export function dismiss(record: QuotaRecord): QuotaRecord {
  return { ...record, dismissed: true };
}

export function usedToday(record: QuotaRecord): number {
  return Math.max(record.count, record.articles.length);
}

export function remainingToday(record: QuotaRecord): number {
  return Math.max(0, record.limit - usedToday(record));
}
