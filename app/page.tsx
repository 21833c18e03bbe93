import Link from "next/link";
import { listeningMinutes } from "@/components/article/reading-time";
import { SAMPLE_ARTICLES } from "@/components/article/samples";
import { AccountChip } from "@/components/auth/account-chip";
import { getSession } from "@/components/auth/session";
import { CardActions } from "@/components/library/card-actions";
import { Bookmarklet } from "@/components/library/bookmarklet";
import { ImportBox } from "@/components/library/import-box";
import { PodcastFeedPanel } from "@/components/library/podcast-feed";
import { PodcastFeedProvider } from "@/components/library/podcast-feed-context";
import { YourArticles } from "@/components/library/your-articles";
import { KeepOfflineButton } from "@/components/offline/keep-offline-button";
import { OfflineProvider } from "@/components/offline/offline-context";
import { OfflineStorage } from "@/components/offline/offline-storage";
import { HeadphonesIcon } from "@/components/ui/icons";
import "./library.css";

export default async function HomePage() {
  const session = await getSession();
  const signedIn = session !== null;
  return (
    <main className="library">
      <OfflineProvider tier={session?.tier ?? "anonymous"}>
        <header className="library__header">
          <div className="library__bar">
            <span className="brand">
              <HeadphonesIcon /> Listen
            </span>
            <span className="library__links">
              <Link href="/pricing">Pricing</Link>
              <AccountChip />
            </span>
          </div>
          <h1>Articles, read aloud</h1>
          <p>Open an article and press Listen, or the L key. Every word lights up as it is spoken; click any word to jump there.</p>
        </header>
        <PodcastFeedProvider signedIn={signedIn}>
          <ImportBox signedIn={signedIn} />
          <Bookmarklet />
          <YourArticles signedIn={signedIn} />
          <PodcastFeedPanel />
        </PodcastFeedProvider>
        <OfflineStorage />
        <h2 className="library__section">Samples</h2>
        <ul className="library__list" data-slot="article-list">
          {SAMPLE_ARTICLES.map((article) => (
            <li key={article.id}>
              <Link href={`/read/${article.id}`} className="card" data-slot="article-card">
                <span className="card__title">{article.title}</span>
                <span className="card__dek">{article.dek}</span>
                <span className="card__meta">
                  <HeadphonesIcon width={14} height={14} /> {listeningMinutes(article)} min listen
                </span>
              </Link>
              <CardActions id={article.id} title={article.title}>
                <KeepOfflineButton id={article.id} title={article.title} />
              </CardActions>
            </li>
          ))}
        </ul>
      </OfflineProvider>
    </main>
  );
}
