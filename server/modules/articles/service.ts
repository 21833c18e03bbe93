// Importing an article: a link is fetched safely and reduced, pasted HTML is reduced, pasted text becomes
// paragraphs; the result gets an id derived from its content and is stored. Knows nothing of HTTP.
import { createHash } from "node:crypto";
import { splitWords } from "@/lib/text/split-words";
import { listeningMinutes } from "@/lib/text/listening-minutes";
import type { Identity } from "../../auth/identity";
import { decodePage } from "../../import/charset";
import type { ArticleContent } from "../../import/extract-article";
import type { AsyncArticleExtractor } from "../../import/extract-off-thread";
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

/** Who an import is for: extraction keeps one job per client and drops a job whose client has gone. */
export interface ImportCaller {
  client: string;
  signal?: AbortSignal;
}

export interface ArticleService {
  importArticle(request: ImportRequest, identity: Identity, caller?: ImportCaller): Promise<ImportResult>;
  /** the stored JSON, or undefined */
  find(id: string): Promise<string | undefined>;
}

/**
 * The id of everything a reader is shown (docs/architecture.md invariant 18): title, body, byline, source and the
 * rest, in one fixed order. Content and id are one: the same article always gets the same id, and a paste that
 * differs in any shown field (another byline, another source link) is another article, never a rewrite of this one.
 */
export function articleId(shown: ArticleContent & { url: string | null }): string {
  const fields = [shown.title, shown.byline, shown.siteName, shown.url, shown.lang, shown.dir, shown.publishedTime, shown.excerpt, shown.html];
  return createHash("sha256").update(JSON.stringify(fields)).digest("base64url").slice(0, 22);
}

// Bidirectional controls (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, LRM, RLM, ALM) turn a title's text around
// on screen ("‮gpj.exe" shows as "exe.jpg"); the article's own direction is its `dir`, so metadata needs none.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const plain = <T extends string | null>(value: T): T => (value === null ? value : (value.replace(BIDI_CONTROLS, "") as T));

/** The shown metadata without bidirectional controls; the body is the sanitizer's. */
function withoutBidiControls(content: ArticleContent): ArticleContent {
  const { title, byline, siteName, excerpt } = content;
  return { ...content, title: plain(title) || "Untitled article", byline: plain(byline), siteName: plain(siteName), excerpt: plain(excerpt) };
}

export function createArticleService({ fetchPage, extractor, store, library }: ArticleServiceOptions): ArticleService {
  const extract = async (
    request: ImportRequest,
    caller: ImportCaller | undefined,
  ): Promise<{ content: ArticleContent | undefined; url: string | null }> => {
    if (request.text !== undefined) {
      if (request.html !== undefined || request.url !== undefined) throw invalidRequest("Send one of url, html or text");
      return { content: await extractor.fromText(request.text, request.title, caller), url: null };
    }
    if (request.html !== undefined) {
      // The link of pasted HTML is never fetched: it only resolves the page's relative links. Nor is it the
      // source: a paste is shown as pasted, never as a page of a site it may only claim to come from.
      const base = request.url === undefined ? undefined : parseImportUrl(request.url, undefined, { allowAnyPort: true });
      const content = await extractor.fromHtml(request.html, base, caller);
      return { content: content && { ...content, siteName: null }, url: null };
    }
    if (request.url !== undefined) {
      const page = await fetchPage(request.url);
      const decoded = decodePage(page.body, page.contentType, { sniffMeta: page.mediaType !== "text/plain" });
      const content =
        page.mediaType === "text/plain"
          ? await extractor.fromText(decoded, request.title, caller)
          : await extractor.fromHtml(decoded, page.url, caller);
      if (content && page.mediaType === "text/plain") content.siteName = page.url.hostname.replace(/^www\./, "");
      return { content, url: page.url.href };
    }
    throw invalidRequest("Send one of url, html or text");
  };

  return {
    async importArticle(request, identity, caller) {
      const extracted = await extract(request, caller);
      if (!extracted.content) throw noArticle();
      const content = withoutBidiControls(extracted.content);
      const { url } = extracted;
      const id = articleId({ ...content, url });
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
