// An imported article, read by the reader page on the server from the API (GET /api/articles/:id). Its html
// was sanitized by the API; the page's Content-Security-Policy is the second wall.
import { cache } from "react";
import { webEnv } from "@/components/config/web-env";

export interface ImportedArticle {
  id: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  url: string | null;
  lang: string | null;
  dir: "ltr" | "rtl";
  publishedTime: string | null;
  excerpt: string | null;
  html: string;
  text: string;
  words: number;
  listeningMinutes: number;
}

// The API's article ids (server/modules/articles/model.ts): asking it about anything else is a 404 anyway.
const ARTICLE_ID = /^[A-Za-z0-9_-]{22}$/;
const FETCH_TIMEOUT_MS = 10_000;

/** The article, or null when there is none by that id. Cached per request: metadata and page share one call. */
export const findImportedArticle = cache(async (id: string): Promise<ImportedArticle | null> => {
  if (!ARTICLE_ID.test(id)) return null;
  const response = await fetch(new URL(`/api/articles/${id}`, webEnv().API_URL), {
    cache: "no-store",
    headers: { Accept: "application/json" },
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`GET /api/articles/${id} answered ${response.status}`);
  return (await response.json()) as ImportedArticle;
});
