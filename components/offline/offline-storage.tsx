"use client";

import { useOfflineLibrary } from "./offline-context";
import "./offline.css";

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** The room offline listening takes on this device, and a way to give it back. Shown once something is kept. */
export function OfflineStorage() {
  const { available, estimate, free } = useOfflineLibrary();
  if (!available || available.length === 0) return null;
  const kept = available.reduce((sum, article) => sum + article.bytes, 0);
  return (
    <section className="offline-storage" data-slot="offline-storage" aria-label="Offline listening">
      <p>
        <strong>{available.length === 1 ? "1 article" : `${available.length} articles`} available offline</strong> ·{" "}
        <span data-slot="offline-used">{megabytes(kept)}</span> of audio
        {estimate ? ` (this site uses ${megabytes(estimate.usage)} of the ${megabytes(estimate.quota)} your browser allows)` : ""}
      </p>
      <button type="button" className="offline-storage__free" data-slot="free-offline" onClick={() => void free()}>
        Free up space
      </button>
    </section>
  );
}
