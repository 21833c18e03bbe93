// L0 of the cache tiers (docs/architecture.md, "Cache tiers"): the audio already decoded in this tab, one entry per voice, so switching
// back to a voice heard before is synchronous — no request, no IndexedDB read. It owns the Blob URLs it holds:
// `clear()` revokes every one, so no Blob outlives its entry.
import type { Alignment } from "@/lib/alignment/types";
import type { SegmentTiming } from "@/lib/conversation/speech";

export interface TabAudio {
  blobUrl: string;
  /** the MP3 behind the URL (the page's CSP lets no one fetch a blob: URL, and a download needs the bytes) */
  audio: Blob;
  alignment: Alignment;
  durationMs: number;
  /** a conversation's segments */
  segments?: SegmentTiming[];
}

export interface TabAudioCache {
  /** the voice's audio for exactly this text, if heard in this tab */
  get(voiceId: string, text: string): TabAudio | undefined;
  /** keeps the audio; a previous entry for the voice (another text) has its URL revoked */
  set(voiceId: string, text: string, audio: TabAudio): void;
  readonly size: number;
  /** revokes every Blob URL and forgets them all */
  clear(): void;
}

export function createTabAudioCache(revoke: (url: string) => void): TabAudioCache {
  const entries = new Map<string, TabAudio & { text: string }>();
  return {
    get(voiceId, text) {
      const entry = entries.get(voiceId);
      return entry && entry.text === text ? entry : undefined;
    },
    set(voiceId, text, audio) {
      const previous = entries.get(voiceId);
      if (previous && previous.blobUrl !== audio.blobUrl) revoke(previous.blobUrl);
      entries.set(voiceId, { ...audio, text });
    },
    get size() {
      return entries.size;
    },
    clear() {
      for (const entry of entries.values()) revoke(entry.blobUrl);
      entries.clear();
    },
  };
}
