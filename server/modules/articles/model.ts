import { z } from "zod";
import { MAX_URL_LENGTH } from "../../import/import-url";
import { ARTICLE_ID_PATTERN, type ArticleJson } from "@/lib/articles/article-json";

export const MAX_TITLE_CHARS = 300;

export interface ImportLimits {
  /** pasted HTML, in characters (IMPORT_MAX_BYTES) */
  maxHtmlChars: number;
  /** pasted text, in characters */
  maxTextChars: number;
}

// Each schema carries its own message: the app answers with it (server/app.ts), never with anything the caller sent.
const field = (name: string, max: number, min = 1) =>
  z
    .string({ error: `${name} must be a string of at most ${max.toLocaleString("en")} characters` })
    .min(min, { error: `${name} must not be empty` })
    .max(max, { error: `${name} must be a string of at most ${max.toLocaleString("en")} characters` })
    .optional();

/** One of { url } · { html, url? } · { text, title? } (docs/architecture.md → Articles); the service checks which. */
export const importRequest = ({ maxHtmlChars, maxTextChars }: ImportLimits) =>
  z.strictObject(
    {
      url: field("url", MAX_URL_LENGTH),
      html: field("html", maxHtmlChars),
      text: field("text", maxTextChars),
      title: field("title", MAX_TITLE_CHARS, 0),
    },
    { error: "Request body must be one of { url }, { html, url? } or { text, title? }, and nothing else" },
  );
export type ImportRequest = z.output<ReturnType<typeof importRequest>>;

export const ArticleParams = z.object({
  id: z.string().regex(new RegExp(ARTICLE_ID_PATTERN), { error: "An article id is 22 letters, digits, - or _" }),
});

export type { ArticleJson };
