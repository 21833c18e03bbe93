"use client";

import { useOfflineLibrary } from "./offline-context";

/** Under a library card: "Available offline" once its audio is in this browser, otherwise "Keep offline". */
export function KeepOfflineButton({ id, title }: { id: string; title: string }) {
  const { available, saving, keep } = useOfflineLibrary();
  if (available === null) return null;
  const kept = available.some((article) => article.id === id);
  const progress = saving.get(id);
  if (kept) {
    return (
      <span className="card-actions__offline" data-slot="offline-status" data-offline="available" title="Plays with no connection on this device">
        Available offline
      </span>
    );
  }
  const busy = progress?.status === "saving";
  return (
    <>
      {progress?.status === "failed" && (
        <span className="card-actions__offline-error" role="alert" data-slot="offline-error">
          {progress.message}
        </span>
      )}
      <button
        type="button"
        className="outline-pill card-actions__button"
        data-slot="keep-offline"
        data-offline={busy ? "saving" : "absent"}
        aria-label={`Keep “${title}” for listening offline`}
        disabled={busy}
        onClick={() => void keep(id, title)}
      >
        {busy ? "Saving…" : "Keep offline"}
      </button>
    </>
  );
}
