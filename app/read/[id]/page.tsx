import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleRootProvider } from "@/components/article/article-root";
import { ArticleContent } from "@/components/article/content";
import { listeningMinutes } from "@/components/article/reading-time";
import { SAMPLE_ARTICLES, findArticle } from "@/components/article/samples";
import { AccountChip } from "@/components/auth/account-chip";
import { getSession } from "@/components/auth/session";
import { ArticleListener } from "@/components/features/article-listener";

interface ReadPageProps {
  params: Promise<{ id: string }>;
}

export function generateStaticParams() {
  return SAMPLE_ARTICLES.map((a) => ({ id: a.id }));
}

export async function generateMetadata({ params }: ReadPageProps): Promise<Metadata> {
  const article = findArticle((await params).id);
  return article ? { title: article.title, description: article.dek } : {};
}

export default async function ReadPage({ params }: ReadPageProps) {
  const article = findArticle((await params).id);
  if (!article) notFound();
  const session = await getSession();
  return (
    // data-mobile-scroll: the container the player makes room in on small screens (spec: Mobile auto-scroll).
    <main className="reader" data-mobile-scroll="">
      <nav className="reader__nav">
        <Link href="/">← Library</Link>
        <AccountChip returnTo={`/read/${article.id}`} />
      </nav>
      {/* Keyed by article: another article is a new listener, never the last one's player and audio. */}
      <ArticleRootProvider key={article.id}>
        <article>
          <header className="reader__header">
            <h1>{article.title}</h1>
            <p className="reader__dek">{article.dek}</p>
            <p className="reader__meta">
              {article.author} · <time dateTime={article.published}>{article.published}</time> · {listeningMinutes(article)} min listen
            </p>
          </header>
          <ArticleContent article={article} />
        </article>
        <ArticleListener title={article.title} articleId={article.id} account={session} />
      </ArticleRootProvider>
    </main>
  );
}
