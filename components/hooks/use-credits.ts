"use client";

import { useCallback, useState } from "react";
import { dismiss, readRecord, recordUsage, remainingCredits, type CreditRecord, type Usage } from "@/lib/credits/daily-credits";
import { utcDay } from "@/lib/time/utc-day";

function load(storageKey: string): CreditRecord {
  const day = utcDay(new Date());
  try {
    return readRecord(JSON.parse(localStorage.getItem(storageKey) ?? "null"), day);
  } catch {
    return readRecord(null, day);
  }
}

function save(storageKey: string, record: CreditRecord) {
  try {
    localStorage.setItem(storageKey, JSON.stringify(record));
  } catch {
    // Storage off: the banner still follows the server's headers for this visit.
  }
}

/**
 * Today's free credits for this reader (`account`: their id, or "anonymous"): the server's usage headers as
 * they arrive, and the localStorage record of today's articles before any request is made.
 */
export function useCredits(account: string) {
  const storageKey = `listen:credits:${account}`;
  const [record, setRecord] = useState<CreditRecord | null>(null);
  const current = record ?? (typeof window === "undefined" ? null : load(storageKey));

  const update = useCallback(
    (change: (r: CreditRecord) => CreditRecord) => {
      setRecord((r) => {
        const next = change(r ?? load(storageKey));
        save(storageKey, next);
        return next;
      });
    },
    [storageKey],
  );

  const onUsage = useCallback((usage: Usage, articleKey?: string) => update((r) => recordUsage(r, usage, articleKey)), [update]);
  const onDismiss = useCallback(() => update(dismiss), [update]);

  return {
    remaining: current ? remainingCredits(current) : null,
    limit: current?.limit ?? null,
    dismissed: current?.dismissed ?? false,
    onUsage,
    dismiss: onDismiss,
  };
}
