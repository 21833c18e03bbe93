"use client";

import { useCallback, useEffect, useState } from "react";
import { parseSavedArticles, SAVED_ARTICLES_KEY, withArticle, withoutArticle, type SavedArticle } from "@/client/library/saved-articles";

function loadLocal(): SavedArticle[] {
  try {
    return parseSavedArticles(JSON.parse(localStorage.getItem(SAVED_ARTICLES_KEY) ?? "[]"));
  } catch {
    return [];
  }
}

function storeLocal(list: SavedArticle[]) {
  try {
    localStorage.setItem(SAVED_ARTICLES_KEY, JSON.stringify(list));
  } catch {
    // Storage off or full: the article still opens, it just is not listed next time.
  }
}

/** Keeps an import in this browser's list (readers who are not signed in; the API keeps a signed-in one's). */
export function rememberImport(article: SavedArticle) {
  storeLocal(withArticle(loadLocal(), article));
}

/** The server's answer from GET /api/library, reduced to what the list shows. */
async function loadServer(signal: AbortSignal): Promise<SavedArticle[]> {
  const response = await fetch("/api/library", { signal, cache: "no-store" });
  // The session ended (the proxy has cleared its cookie): until the next page load this reader is anonymous.
  if (response.status === 401) return loadLocal();
  if (!response.ok) throw new Error(`GET /api/library answered ${response.status}`);
  const body = (await response.json()) as { articles?: unknown };
  return parseSavedArticles(body.articles);
}

export type YourArticles = { status: "loading" } | { status: "ready"; articles: SavedArticle[] } | { status: "error"; message: string };

/**
 * "Your articles": the signed-in reader's library from the API, otherwise this browser's list. Read after
 * mount (the server has no localStorage), so the page renders the same on both sides before it fills in.
 */
export function useYourArticles(signedIn: boolean) {
  const [state, setState] = useState<YourArticles>({ status: "loading" });
  const [removeError, setRemoveError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const load = signedIn ? loadServer(controller.signal) : Promise.resolve(loadLocal());
    load.then(
      (articles) => setState({ status: "ready", articles }),
      () => {
        if (!controller.signal.aborted) setState({ status: "error", message: "Your articles could not be loaded. Reload the page to try again." });
      },
    );
    return () => controller.abort();
  }, [signedIn]);

  const remove = useCallback(
    async (id: string) => {
      setRemoveError(null);
      if (signedIn) {
        const response = await fetch(`/api/library/${encodeURIComponent(id)}`, { method: "DELETE" }).catch(() => null);
        // 404: already gone (removed in another tab), which is what the reader asked for.
        if (!response || (!response.ok && response.status !== 404)) {
          setRemoveError("That article could not be removed. Try again in a moment.");
          return;
        }
      } else {
        storeLocal(withoutArticle(loadLocal(), id));
      }
      setState((s) => (s.status === "ready" ? { status: "ready", articles: withoutArticle(s.articles, id) } : s));
    },
    [signedIn],
  );

  return { state, removeError, remove };
}
