"use client";

import { useCallback, useEffect, useState } from "react";
import {
  AUTOPLAY_NEXT_KEY,
  dequeue,
  enqueue,
  HEARD_KEY,
  parseHeard,
  parseQueue,
  UP_NEXT_KEY,
  withHeard,
  type Heard,
  type QueuedArticle,
} from "@/client/library/up-next";

// The article the last one handed over to: it starts playing when its page opens (sessionStorage: this tab only).
const HANDOVER_KEY = "listen:up-next-handover";
// Lets every list on the page (the cards' buttons, the badges) follow a change made by another.
const CHANGED = "listen:up-next-changed";

function read<T>(key: string, parse: (value: unknown) => T, storage: () => Storage = () => localStorage): T {
  try {
    return parse(JSON.parse(storage().getItem(key) ?? "null"));
  } catch {
    return parse(null);
  }
}

function write(key: string, value: unknown) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    window.dispatchEvent(new Event(CHANGED));
  } catch {
    // Storage off or full: the queue lives as long as the page.
  }
}

export const readQueue = () => read(UP_NEXT_KEY, parseQueue);
export const readHeard = () => read(HEARD_KEY, parseHeard);

export function queueArticle(article: QueuedArticle) {
  write(UP_NEXT_KEY, enqueue(readQueue(), article));
}

export function unqueueArticle(id: string) {
  write(UP_NEXT_KEY, dequeue(readQueue(), id));
}

export function recordHeard(id: string, fraction: number) {
  write(HEARD_KEY, withHeard(readHeard(), id, fraction));
}

/** "Autoplay the next article": on unless the reader turned it off. */
export function readAutoplayNext(): boolean {
  return read(AUTOPLAY_NEXT_KEY, (value) => value !== false);
}

export function writeAutoplayNext(on: boolean) {
  write(AUTOPLAY_NEXT_KEY, on);
}

/** Marks `id` as the article to start as soon as its page opens. */
export function handOverTo(id: string) {
  try {
    sessionStorage.setItem(HANDOVER_KEY, id);
  } catch {
    // Without storage the next article opens and waits for Listen.
  }
}

/** True (once) when the last article handed over to this one. */
export function takeHandover(id: string): boolean {
  try {
    if (sessionStorage.getItem(HANDOVER_KEY) !== id) return false;
    sessionStorage.removeItem(HANDOVER_KEY);
    return true;
  } catch {
    return false;
  }
}

/** The queue and what was heard, as the library shows them: read after mount, and again on every change. */
export function useUpNextState(): { queue: QueuedArticle[]; heard: Heard } {
  const [state, setState] = useState<{ queue: QueuedArticle[]; heard: Heard }>({ queue: [], heard: {} });
  const refresh = useCallback(() => setState({ queue: readQueue(), heard: readHeard() }), []);
  useEffect(() => {
    queueMicrotask(refresh);
    window.addEventListener(CHANGED, refresh);
    window.addEventListener("storage", refresh);
    return () => {
      window.removeEventListener(CHANGED, refresh);
      window.removeEventListener("storage", refresh);
    };
  }, [refresh]);
  return state;
}

/** Opened by the article before it, at its end (Up next): starts listening as soon as the article is there. */
export function useHandover(articleId: string, ready: boolean, start: () => void) {
  useEffect(() => {
    // The hand-over is read from storage, outside React: start once this render is done.
    if (ready && takeHandover(articleId)) queueMicrotask(start);
  }, [ready, articleId, start]);
}
