"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { OfflineArticle, StorageEstimate } from "@/client/offline/offline-shelf";
import type { Tier } from "@/lib/voices";
import { availableOffline, freeOfflineSpace, keepOffline, KeepOfflineError, OFFLINE_CHANGED, storageEstimate } from "./offline-library";

type Saving = { status: "saving" } | { status: "failed"; message: string };

interface OfflineLibrary {
  /** the articles that play with no connection (null until read from IndexedDB) */
  available: OfflineArticle[] | null;
  /** articles being kept right now, or whose keeping failed */
  saving: ReadonlyMap<string, Saving>;
  estimate: StorageEstimate | null;
  keep(id: string, title: string): Promise<void>;
  free(): Promise<void>;
}

const OfflineContext = createContext<OfflineLibrary | null>(null);

async function read(): Promise<{ available: OfflineArticle[]; estimate: StorageEstimate | null }> {
  const [available, estimate] = await Promise.all([availableOffline().catch(() => []), storageEstimate()]);
  return { available, estimate };
}

/** The library's view of offline listening: what is kept, what is being kept, and the room it takes. */
export function OfflineProvider({ tier, children }: { tier: Tier; children: ReactNode }) {
  const [state, setState] = useState<{ available: OfflineArticle[] | null; estimate: StorageEstimate | null }>({ available: null, estimate: null });
  const [saving, setSaving] = useState<ReadonlyMap<string, Saving>>(new Map());

  useEffect(() => {
    let current = true;
    const refresh = () => void read().then((next) => current && setState(next));
    refresh();
    window.addEventListener(OFFLINE_CHANGED, refresh);
    return () => {
      current = false;
      window.removeEventListener(OFFLINE_CHANGED, refresh);
    };
  }, []);

  const mark = (id: string, value: Saving | null) =>
    setSaving((map) => {
      const next = new Map(map);
      if (value) next.set(id, value);
      else next.delete(id);
      return next;
    });

  const keep = useCallback(
    async (id: string, title: string) => {
      mark(id, { status: "saving" });
      try {
        await keepOffline({ id, title, tier });
        mark(id, null);
      } catch (error) {
        const message = error instanceof KeepOfflineError ? error.message : "You seem to be offline: try again when you are connected.";
        mark(id, { status: "failed", message });
      }
    },
    [tier],
  );

  const value = useMemo<OfflineLibrary>(() => ({ ...state, saving, keep, free: freeOfflineSpace }), [state, saving, keep]);
  return <OfflineContext.Provider value={value}>{children}</OfflineContext.Provider>;
}

export function useOfflineLibrary(): OfflineLibrary {
  const value = useContext(OfflineContext);
  if (!value) throw new Error("useOfflineLibrary must be used inside <OfflineProvider>");
  return value;
}
