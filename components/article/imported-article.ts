// An imported article, read by the reader page on the server from the API (GET /api/articles/:id). Its html
// was sanitized by the API; the page's Content-Security-Policy is the second wall.
import { cache } from "react";
import { webEnv } from "@/components/config/web-env";
import { ARTICLE_ID_PATTERN, type ArticleJson } from "@/lib/articles/article-json";

export type ImportedArticle = ArticleJson;

// Asking the API about anything but one of its ids is a 404 anyway.
const ARTICLE_ID = new RegExp(ARTICLE_ID_PATTERN);
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
