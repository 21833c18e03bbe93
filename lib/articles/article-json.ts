// An imported article as the API answers it (docs/architecture.md, "/api/articles"), shared by the API that
// builds it and the reader page that renders it.

/** Ids are 22 base64url characters of SHA-256 over the article's content. */
export const ARTICLE_ID_PATTERN = "^[A-Za-z0-9_-]{22}$";

export interface ArticleJson {
  id: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  url: string | null;
  lang: string | null;
  dir: "ltr" | "rtl";
  publishedTime: string | null;
  excerpt: string | null;
  /** the article body, sanitized */
  html: string;
  /** what will be spoken, cleaned as /api/tts cleans it */
  text: string;
  words: number;
  listeningMinutes: number;
}
