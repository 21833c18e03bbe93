import { t, type Static } from "elysia";
import { MAX_URL_LENGTH } from "../../import/import-url";
import { ARTICLE_ID_PATTERN, type ArticleJson } from "@/lib/articles/article-json";

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

export type { ArticleJson };
