"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";

export interface PodcastFeedItem {
  articleId: string;
  status: "pending" | "ready" | "failed";
  error?: { code: string; message: string };
}

export type PodcastFeedState =
  | { status: "off" }
  | { status: "loading" }
  | { status: "ready"; url: string | null; items: PodcastFeedItem[] }
  | { status: "error"; message: string };

interface PodcastFeed {
  state: PodcastFeedState;
  /** a new feed address; the old one stops working */
  create(): Promise<void>;
  add(articleId: string): Promise<void>;
  remove(articleId: string): Promise<void>;
  /** why the last change failed, for the reader */
  actionError: string | null;
}

const PodcastFeedContext = createContext<PodcastFeed | null>(null);

// While an article's audio is being made the list is asked again this often, so its card turns to "In podcast".
const PENDING_POLL_MS = 2_000;

async function errorOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
  return typeof body?.error === "string" ? body.error : `The server answered ${response.status}. Please try again.`;
}

async function fetchFeed(signal?: AbortSignal): Promise<PodcastFeedState> {
  try {
    const response = await fetch("/api/feed", { cache: "no-store", signal });
    if (!response.ok) return { status: "error", message: await errorOf(response) };
    const body = (await response.json()) as { url: string | null; items: PodcastFeedItem[] };
    return { status: "ready", url: body.url, items: body.items };
  } catch {
    return { status: "error", message: "The podcast feed could not be loaded. Reload the page to try again." };
  }
}

/** The signed-in reader's podcast feed (GET/POST /api/feed, PUT/DELETE /api/feed/items/:id), for the library's panel and cards. */
export function PodcastFeedProvider({ signedIn, children }: { signedIn: boolean; children: ReactNode }) {
  const [state, setState] = useState<PodcastFeedState>(signedIn ? { status: "loading" } : { status: "off" });
  const [actionError, setActionError] = useState<string | null>(null);

  const load = useCallback(async () => setState(await fetchFeed()), []);

  useEffect(() => {
    if (!signedIn) return;
    const controller = new AbortController();
    void fetchFeed(controller.signal).then((next) => {
      if (!controller.signal.aborted) setState(next);
    });
    return () => controller.abort();
  }, [signedIn]);

  const pending = state.status === "ready" && state.items.some((item) => item.status === "pending");
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => void load(), PENDING_POLL_MS);
    return () => clearInterval(timer);
  }, [pending, load]);

  const act = useCallback(
    async (request: () => Promise<Response>) => {
      setActionError(null);
      try {
        const response = await request();
        if (!response.ok) setActionError(await errorOf(response));
      } catch {
        setActionError("You seem to be offline: try again when you are connected.");
      }
      await load();
    },
    [load],
  );

  const feed = useMemo<PodcastFeed>(
    () => ({
      state,
      actionError,
      create: () => act(() => fetch("/api/feed", { method: "POST" })),
      add: (articleId) =>
        act(() => fetch(`/api/feed/items/${articleId}`, { method: "PUT", headers: { "Content-Type": "application/json" }, body: "{}" })),
      remove: (articleId) => act(() => fetch(`/api/feed/items/${articleId}`, { method: "DELETE" })),
    }),
    [state, actionError, act],
  );
  return <PodcastFeedContext.Provider value={feed}>{children}</PodcastFeedContext.Provider>;
}

export function usePodcastFeed(): PodcastFeed {
  const feed = useContext(PodcastFeedContext);
  if (!feed) throw new Error("usePodcastFeed must be used inside <PodcastFeedProvider>");
  return feed;
}
