// L1 in the browser: the audio cache policy (client/audio-cache/audio-cache.ts) over two IndexedDB stores,
// through idb-keyval. Two databases, because idb-keyval keeps one object store per database.
import { createStore, delMany, entries, get, set, type UseStore } from "idb-keyval";
import { createAudioCache, type AudioCache, type KeyValueStore } from "./audio-cache";
import type { Alignment } from "@/lib/alignment/types";
import type { SegmentTiming } from "@/lib/conversation/speech";

export interface DiskAudio {
  audio: Blob;
  alignment: Alignment;
  durationMs: number;
  /** a conversation's segments */
  segments?: SegmentTiming[];
}

function idbStore<V>(store: UseStore): KeyValueStore<V> {
  return {
    get: (key) => get<V>(key, store),
    set: (key, value) => set(key, value, store),
    delMany: (keys) => delMany(keys, store),
    entries: () => entries<string, V>(store),
  };
}

let cache: AudioCache<DiskAudio> | null | undefined;

/** The tab's L1 cache, or null where IndexedDB does not exist (then every lookup is a miss). */
export function diskAudioCache(): AudioCache<DiskAudio> | null {
  if (cache === undefined) {
    cache =
      typeof indexedDB === "undefined"
        ? null
        : createAudioCache<DiskAudio>({
            audio: idbStore(createStore("listen-tts-audio", "articles")),
            index: idbStore(createStore("listen-tts-index", "saved-at")),
          });
  }
  return cache;
}
