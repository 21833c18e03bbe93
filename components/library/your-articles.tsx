"use client";

import Link from "next/link";
import { useYourArticles } from "@/components/hooks/use-your-articles";
import { HeadphonesIcon } from "@/components/ui/icons";
import { KeepOfflineButton } from "@/components/offline/keep-offline-button";
import { AddToPodcastButton } from "./add-to-podcast-button";
import { CardActions } from "./card-actions";

/** The reader's imported articles, newest first, each with a Remove button. Nothing shows until there are some. */
export function YourArticles({ signedIn }: { signedIn: boolean }) {
  const { state, removeError, remove } = useYourArticles(signedIn);
  if (state.status === "error") {
    return (
      <p className="your-articles__error" role="alert">
        {state.message}
      </p>
    );
  }
  if (state.status === "loading" || state.articles.length === 0) return null;
  return (
    <section className="your-articles" aria-labelledby="your-articles-title" data-slot="your-articles">
      <h2 id="your-articles-title" className="library__section">
        Your articles
      </h2>
      {removeError && (
        <p className="your-articles__error" role="alert">
          {removeError}
        </p>
      )}
      <ul className="library__list">
        {state.articles.map((article) => (
          <li key={article.id} className="your-articles__item" data-slot="your-article" data-id={article.id}>
            <Link href={`/read/${article.id}`} className="card" data-slot="article-card">
              <span className="card__title">{article.title}</span>
              {article.siteName && <span className="card__dek">{article.siteName}</span>}
              <span className="card__meta">
                <HeadphonesIcon width={14} height={14} /> {Math.max(1, article.listeningMinutes)} min listen
              </span>
            </Link>
            <CardActions id={article.id} title={article.title}>
              <button
                type="button"
                className="outline-pill card-actions__button your-articles__remove"
                data-slot="remove-article"
                aria-label={`Remove “${article.title}”`}
                onClick={() => void remove(article.id)}
              >
                Remove
              </button>
              <KeepOfflineButton id={article.id} title={article.title} />
              {signedIn && <AddToPodcastButton id={article.id} title={article.title} />}
            </CardActions>
          </li>
        ))}
      </ul>
    </section>
  );
}
