// What the listening session needs from the world, each behind a small interface so the session runs (and is
// tested) without a browser. client/listening/browser-ports.ts gives the real ones.
import type { AudioCache } from "@/client/audio-cache/audio-cache";
import type { DiskAudio } from "@/client/audio-cache/indexeddb-audio-cache";
import type { TabAudioCache } from "@/client/audio-cache/tab-audio-cache";
import type { QuotaUsage } from "@/lib/quota/quota-usage";
import type { MediaSourceFeed, MediaSourceFeedOptions } from "@/client/stream/media-source-feed";

export type SpeechEndpoint = "/api/tts" | "/api/tts/stream";

export interface SessionPorts {
  /** POSTs `body` as JSON to the API */
  post(path: SpeechEndpoint, body: unknown, signal: AbortSignal): Promise<Response>;
  /** L0: the audio heard in this tab, as Blob URLs it owns */
  memory: TabAudioCache;
  /** L1: IndexedDB, or null where there is none */
  disk: Pick<AudioCache<DiskAudio>, "get" | "put"> | null;
  /** a URL the audio element can play for `audio` (L0 revokes it when it lets the entry go) */
  objectUrl(audio: Blob): string;
  /** MediaSource, to play a stream while it arrives; null where it cannot play MP3 (then the single response) */
  feeds: { create(options: MediaSourceFeedOptions): MediaSourceFeed } | null;
  clock: {
    now(): number;
    /** runs `run` after `ms`; the returned function cancels it */
    after(ms: number, run: () => void): () => void;
  };
  /** where the player is, in seconds: a streamed article is buffered around it */
  playhead(): number;
  /** the API's X-TTS-Usage-* answer; `cacheKey` when it served the audio (and so counted it) */
  onUsage(usage: QuotaUsage, cacheKey?: string): void;
}
