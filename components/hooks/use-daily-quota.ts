"use client";

import { useCallback, useState } from "react";
import { dismiss, readRecord, recordUsage, remainingToday, type QuotaRecord } from "@/client/quota/quota-record";
import type { QuotaUsage } from "@/lib/quota/quota-usage";
import { utcDay } from "@/lib/time/utc-day";

function load(storageKey: string): QuotaRecord {
  const day = utcDay(new Date());
  try {
    return readRecord(JSON.parse(localStorage.getItem(storageKey) ?? "null"), day);
  } catch {
    return readRecord(null, day);
  }
}

function save(storageKey: string, record: QuotaRecord) {
  try {
    localStorage.setItem(storageKey, JSON.stringify(record));
  } catch {
    // Storage off: the banner still follows the server's headers for this visit.
  }
}

/**
 * Today's daily quota for this reader (`account`: their id, or "anonymous"): the server's usage headers as
 * they arrive, and the localStorage record of today's articles before any request is made.
 */
export function useDailyQuota(account: string) {
  // The stored key keeps its first name, so readers' records from before the rename still count.
  const storageKey = `listen:credits:${account}`;
  const [record, setRecord] = useState<QuotaRecord | null>(null);
  const current = record ?? (typeof window === "undefined" ? null : load(storageKey));

  const update = useCallback(
    (change: (r: QuotaRecord) => QuotaRecord) => {
      setRecord((r) => {
        const next = change(r ?? load(storageKey));
        save(storageKey, next);
        return next;
      });
    },
    [storageKey],
  );

  const onUsage = useCallback((usage: QuotaUsage, articleKey?: string) => update((r) => recordUsage(r, usage, articleKey)), [update]);
  const onDismiss = useCallback(() => update(dismiss), [update]);

  return {
    remaining: current ? remainingToday(current) : null,
    limit: current?.limit ?? null,
    dismissed: current?.dismissed ?? false,
    onUsage,
    dismiss: onDismiss,
  };
}
