// The listening session's ports in a browser: fetch, the tab's memory (L0), IndexedDB (L1), MediaSource and
// the timers. Nothing here touches a browser global until the session first uses it (a server render builds the
// React tree that holds the session, and never starts one).
import { diskAudioCache } from "@/client/audio-cache/indexeddb-audio-cache";
import { createTabAudioCache, type TabAudioCache } from "@/client/audio-cache/tab-audio-cache";
import type { QuotaUsage } from "@/lib/quota/quota-usage";
import { createMediaSourceFeed, mediaSourcePlaysMp3 } from "@/client/stream/media-source-feed";
import type { SessionPorts } from "./session-ports";

export interface BrowserPortOptions {
  playhead(): number;
  onUsage(usage: QuotaUsage, cacheKey?: string): void;
}

export function browserPorts({ playhead, onUsage }: BrowserPortOptions): SessionPorts {
  let memory: TabAudioCache | null = null;
  const tab = () => (memory ??= createTabAudioCache((url) => URL.revokeObjectURL(url)));
  return {
    post: (path, body, signal) =>
      fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), signal }),
    memory: {
      get: (voice, text) => tab().get(voice, text),
      set: (voice, text, audio) => tab().set(voice, text, audio),
      get size() {
        return memory?.size ?? 0;
      },
      clear: () => memory?.clear(),
    },
    get disk() {
      return diskAudioCache();
    },
    objectUrl: (audio) => URL.createObjectURL(audio),
    get feeds() {
      return mediaSourcePlaysMp3() ? { create: createMediaSourceFeed } : null;
    },
    clock: {
      now: () => Date.now(),
      after(ms, run) {
        const timer = setTimeout(run, ms);
        return () => clearTimeout(timer);
      },
    },
    playhead,
    onUsage,
  };
}
