import { t, type Static } from "elysia";
import { MAX_URL_LENGTH } from "../../import/import-url";

// Content-derived ids: 22 base64url characters (132 bits of a SHA-256).
export const ARTICLE_ID_PATTERN = "^[A-Za-z0-9_-]{22}$";
export const MAX_TITLE_CHARS = 300;

export interface ImportLimits {
  /** pasted HTML, in characters (IMPORT_MAX_BYTES) */
  maxHtmlChars: number;
  /** pasted text, in characters */
  maxTextChars: number;
}

/** One of { url } · { html, url? } · { text, title? } (docs/architecture.md → Articles); the service checks which. */
export const importRequest = ({ maxHtmlChars, maxTextChars }: ImportLimits) =>
  t.Object(
    {
      url: t.Optional(t.String({ minLength: 1, maxLength: MAX_URL_LENGTH })),
      html: t.Optional(t.String({ minLength: 1, maxLength: maxHtmlChars })),
      text: t.Optional(t.String({ minLength: 1, maxLength: maxTextChars })),
      title: t.Optional(t.String({ maxLength: MAX_TITLE_CHARS })),
    },
    { additionalProperties: false },
  );
export type ImportRequest = Static<ReturnType<typeof importRequest>>;

export const ArticleParams = t.Object({ id: t.String({ pattern: ARTICLE_ID_PATTERN }) });

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
  html: string;
  text: string;
  words: number;
  listeningMinutes: number;
}
