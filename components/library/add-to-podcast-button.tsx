"use client";

import { usePodcastFeed } from "./podcast-feed-context";

/** "Add to podcast" under a signed-in reader's imported article: its audio is made and it joins their feed. */
export function AddToPodcastButton({ id, title }: { id: string; title: string }) {
  const { state, add, remove } = usePodcastFeed();
  if (state.status !== "ready") return null;
  const item = state.items.find((it) => it.articleId === id);
  const status = item?.status ?? "absent";
  const label = status === "ready" ? "In podcast" : status === "pending" ? "Preparing…" : status === "failed" ? "Retry podcast" : "Add to podcast";
  return (
    <button
      type="button"
      className="outline-pill card-actions__button"
      data-slot="add-to-podcast"
      data-status={status}
      aria-pressed={status === "ready" || status === "pending"}
      aria-label={status === "ready" ? `“${title}” is in your podcast feed. Remove it` : `Add “${title}” to your podcast feed`}
      title={item?.error?.message}
      disabled={status === "pending"}
      onClick={() => void (status === "ready" ? remove(id) : add(id))}
    >
      {label}
    </button>
  );
}
