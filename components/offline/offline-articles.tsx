"use client";

import { useEffect, useState } from "react";
import type { OfflineArticle } from "@/client/offline/offline-shelf";
import { availableOffline } from "./offline-library";

/** The offline page's list: the articles that play here with no connection, as links (plain links: no router needed). */
export function OfflineArticles() {
  const [articles, setArticles] = useState<OfflineArticle[] | null>(null);
  useEffect(() => {
    let current = true;
    void availableOffline()
      .catch(() => [])
      .then((found) => current && setArticles(found));
    return () => {
      current = false;
    };
  }, []);
  if (articles === null) return null;
  if (articles.length === 0)
    return <p data-slot="offline-none">No article is kept on this device yet: next time, press “Keep offline” on one in the library.</p>;
  return (
    <ul className="offline-page__list" data-slot="offline-articles">
      {articles.map((article) => (
        <li key={article.id}>
          <a href={`/read/${encodeURIComponent(article.id)}`}>{article.title}</a>
        </li>
      ))}
    </ul>
  );
}
