// Importing an article: a link is fetched safely and reduced, pasted HTML is reduced, pasted text becomes
// paragraphs; the result gets an id derived from its content and is stored. Knows nothing of HTTP.
import { createHash } from "node:crypto";
import { splitWords } from "@/lib/text/split-words";
import { listeningMinutes } from "@/lib/text/listening-minutes";
import type { Identity } from "../../auth/identity";
import { decodePage } from "../../import/charset";
import type { ArticleContent, AsyncArticleExtractor } from "../../import/extract-article";
import { parseImportUrl } from "../../import/import-url";
import type { ArticleStore } from "../../import/article-store";
import type { ReaderLibrary } from "../../import/reader-library";
import type { FetchedPage } from "../../import/safe-fetch";
import { invalidRequest, noArticle } from "../../errors";
import type { ArticleJson, ImportRequest } from "./model";

export interface ArticleServiceOptions {
  fetchPage(url: string): Promise<FetchedPage>;
  extractor: AsyncArticleExtractor;
  store: ArticleStore;
  library: ReaderLibrary;
}

export interface ImportResult {
  created: boolean;
  article: ArticleJson;
  json: string;
}

export interface ArticleService {
  importArticle(request: ImportRequest, identity: Identity): Promise<ImportResult>;
  /** the stored JSON, or undefined */
  find(id: string): Promise<string | undefined>;
}

/** The same sanitized article always gets the same id, wherever it was imported from. */
export const articleId = (title: string, html: string) =>
  createHash("sha256").update(title).update("\0").update(html).digest("base64url").slice(0, 22);

export function createArticleService({ fetchPage, extractor, store, library }: ArticleServiceOptions): ArticleService {
  const extract = async (request: ImportRequest): Promise<{ content: ArticleContent | undefined; url: string | null }> => {
    if (request.text !== undefined) {
      if (request.html !== undefined || request.url !== undefined) throw invalidRequest("Send one of url, html or text");
      return { content: await extractor.fromText(request.text, request.title), url: null };
    }
    if (request.html !== undefined) {
      // The link of pasted HTML is never fetched: it only resolves the page's relative links.
      const base = request.url === undefined ? undefined : parseImportUrl(request.url, undefined, { allowAnyPort: true });
      return { content: await extractor.fromHtml(request.html, base), url: base?.href ?? null };
    }
    if (request.url !== undefined) {
      const page = await fetchPage(request.url);
      const decoded = decodePage(page.body, page.contentType, { sniffMeta: page.mediaType !== "text/plain" });
      const content =
        page.mediaType === "text/plain" ? await extractor.fromText(decoded, request.title) : await extractor.fromHtml(decoded, page.url);
      if (content && page.mediaType === "text/plain") content.siteName = page.url.hostname.replace(/^www\./, "");
      return { content, url: page.url.href };
    }
    throw invalidRequest("Send one of url, html or text");
  };

  return {
    async importArticle(request, identity) {
      const { content, url } = await extract(request);
      if (!content) throw noArticle();
      const id = articleId(content.title, content.html);
      const article: ArticleJson = {
        id,
        ...content,
        url,
        words: splitWords(content.text, content.lang ?? undefined).length,
        listeningMinutes: listeningMinutes(content.text, content.lang ?? undefined),
      };
      const json = JSON.stringify(article);
      const existed = await store.put(id, json);
      if (identity.kind === "user") {
        await library.save(identity.sub, { id, title: article.title, siteName: article.siteName, url, listeningMinutes: article.listeningMinutes });
      }
      return { created: !existed, article, json };
    },
    find: (id) => store.get(id),
  };
}
