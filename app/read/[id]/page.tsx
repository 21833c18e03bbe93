import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ArticleRootProvider } from "@/components/article/article-root";
import { ArticleContent } from "@/components/article/content";
import { findImportedArticle, type ImportedArticle } from "@/components/article/imported-article";
import { ImportedContent } from "@/components/article/imported-content";
import { listeningMinutes } from "@/components/article/reading-time";
import { findArticle } from "@/components/article/samples";
import type { Article } from "@/components/article/types";
import { AccountChip } from "@/components/auth/account-chip";
import { getSession } from "@/components/auth/session";
import { ArticleListener } from "@/components/features/article-listener";
import { OfflineRecorder } from "@/components/offline/offline-recorder";
import { languageName } from "@/lib/language";
import { DEFAULT_LANGUAGE, defaultVoiceFor } from "@/lib/voices";
import { speechLimit } from "@/lib/text/speech-limit";
import "./reader.css";
import "./word-highlighting.css";
import "./imported.css";

interface ReadPageProps {
  params: Promise<{ id: string }>;
}

// Every reader page is rendered per request: the Content-Security-Policy's nonce (proxy.ts) is new each time,
// and Next.js can only put it on its scripts while rendering.

export async function generateMetadata({ params }: ReadPageProps): Promise<Metadata> {
  const { id } = await params;
  const sample = findArticle(id);
  if (sample) return { title: sample.title, description: sample.dek };
  const imported = await findImportedArticle(id);
  return imported ? { title: imported.title, description: imported.excerpt ?? undefined } : {};
}

const dateFormat = new Intl.DateTimeFormat("en", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });

function SampleHeader({ article }: { article: Article }) {
  return (
    <header className="reader__header">
      <h1>{article.title}</h1>
      <p className="reader__dek">{article.dek}</p>
      <p className="reader__meta">
        {article.author} · <time dateTime={article.published}>{article.published}</time> · {listeningMinutes(article)} min listen
      </p>
    </header>
  );
}

function ImportedHeader({ article, lang }: { article: ImportedArticle; lang: string }) {
  const meta: ReactNode[] = [];
  meta.push(
    <span lang={lang} data-slot="article-language">
      {languageName(lang)}
    </span>,
  );
  if (article.byline) meta.push(article.byline);
  if (article.siteName) {
    meta.push(
      article.url ? (
        <a href={article.url} target="_blank" rel="noopener noreferrer nofollow" data-slot="article-source">
          {article.siteName}
        </a>
      ) : (
        article.siteName
      ),
    );
  }
  if (article.publishedTime) meta.push(<time dateTime={article.publishedTime}>{dateFormat.format(new Date(article.publishedTime))}</time>);
  meta.push(`${Math.max(1, article.listeningMinutes)} min listen`);
  return (
    <header className="reader__header">
      <h1>{article.title}</h1>
      {/* The line is the app's, in English, whatever the article's direction: each part isolated (<bdi>), so an
          Arabic site name cannot reorder "1 min listen" around it. */}
      <p className="reader__meta" data-slot="article-meta" dir="ltr">
        {meta.map((part, i) => (
          <span key={i}>
            {i > 0 && " · "}
            <bdi>{part}</bdi>
          </span>
        ))}
      </p>
      {!defaultVoiceFor(lang) && (
        <p className="reader__notice" data-slot="language-unsupported" dir="ltr">
          Listen can&apos;t read {languageName(lang)} yet.
        </p>
      )}
    </header>
  );
}

/** The lock screen's artwork: the article's first picture (imported articles keep none). */
function firstFigure(article: Article): string | null {
  for (const block of article.blocks) if (block.type === "figure") return block.src;
  return null;
}

export default async function ReadPage({ params }: ReadPageProps) {
  const { id } = await params;
  const sample = findArticle(id);
  const imported = sample ? null : await findImportedArticle(id);
  const title = sample?.title ?? imported?.title ?? notFound();
  // Articles imported before languages were detected have none: they were all read as English.
  const lang = imported?.lang ?? DEFAULT_LANGUAGE;
  const session = await getSession();
  return (
    // data-mobile-scroll: the container the player makes room in on small screens.
    <main className="reader" data-mobile-scroll="">
      <nav className="reader__nav">
        <Link href="/">← Library</Link>
        <AccountChip returnTo={`/read/${id}`} />
      </nav>
      {/* Keyed by article: another article is a new listener, never the last one's player and audio. */}
      <ArticleRootProvider key={id}>
        {sample && (
          <article>
            <SampleHeader article={sample} />
            <ArticleContent article={sample} />
          </article>
        )}
        {imported && (
          <article lang={lang} dir={imported.dir}>
            <ImportedHeader article={imported} lang={lang} />
            <ImportedContent html={imported.html} />
          </article>
        )}
        <ArticleListener
          title={title}
          articleId={id}
          lang={lang}
          artist={sample?.author ?? imported?.siteName ?? imported?.byline ?? null}
          artwork={sample ? firstFigure(sample) : null}
          account={session}
          maxSpeechChars={speechLimit(process.env.TTS_MAX_TEXT_CHARS)}
        />
        <OfflineRecorder id={id} title={title} tier={session?.tier ?? "anonymous"} lang={lang} />
      </ArticleRootProvider>
    </main>
  );
}
