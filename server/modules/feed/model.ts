import { t } from "elysia";
import { ARTICLE_ID_PATTERN } from "@/lib/articles/article-json";

/** One article in a reader's feed. Its audio exists once `status` is "ready" (then `audioKey` names the MP3). */
export interface FeedItem {
  articleId: string;
  voice: string;
  /** ISO time it was added */
  addedAt: string;
  title: string;
  siteName: string | null;
  byline: string | null;
  url: string | null;
  excerpt: string | null;
  publishedTime: string | null;
  status: "pending" | "ready" | "failed";
  audioKey?: string;
  bytes?: number;
  durationMs?: number;
  /** why the audio could not be made (the listen's own error) */
  error?: { code: string; message: string };
}

/** What GET /api/feed tells the owner about each item. */
export type FeedItemSummary = Pick<FeedItem, "articleId" | "voice" | "addedAt" | "title" | "status" | "durationMs" | "error">;

export const FeedItemParams = t.Object({ articleId: t.String({ pattern: ARTICLE_ID_PATTERN, error: "Not an article id" }) });

export const FeedItemBody = t.Object(
  { voice: t.Optional(t.String({ minLength: 1, maxLength: 64, error: "voice must be a voice id" })) },
  { additionalProperties: false, error: "The body is { voice? }" },
);

export const MAX_FEED_ITEM_BODY_BYTES = 1024;
