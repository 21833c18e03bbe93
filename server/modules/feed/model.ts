import { z } from "zod";
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

export const FeedItemParams = z.object({ articleId: z.string().regex(new RegExp(ARTICLE_ID_PATTERN), { error: "Not an article id" }) });

const voice = z
  .string({ error: "voice must be a voice id" })
  .min(1, { error: "voice must be a voice id" })
  .max(64, { error: "voice must be a voice id" });
export const FeedItemBody = z.strictObject({ voice: voice.optional() }, { error: "The body is { voice? }" });

export const MAX_FEED_ITEM_BODY_BYTES = 1024;
