// JavaScriptCore collects on its own schedule, which lags far behind the big short-lived strings and buffers
// a generation leaves behind (upstream JSON, decoded chunks, the merged MP3, its base64 and the JSON body:
// about five times the response's size). Under steady generation that garbage, not the caches, set the API's
// peak RSS (measured: 15 generating listeners alone peaked at 1,016 MB). Collecting once every
// `thresholdBytes` of such garbage keeps the peak near the live set, and costs less than it saves.
export interface GcPacer {
  /** Report garbage just left behind; collects once the total since the last collection passes the threshold. */
  add(bytes: number): void;
  readonly collections: number;
}

export function createGcPacer({ thresholdBytes, collect }: { thresholdBytes: number; collect?: () => void }): GcPacer {
  if (!(thresholdBytes > 0)) throw new TypeError(`thresholdBytes must be positive, got ${thresholdBytes}`);
  let pending = 0;
  let collections = 0;
  return {
    add(bytes: number) {
      if (!collect || !(bytes > 0)) return;
      pending += bytes;
      if (pending < thresholdBytes) return;
      pending = 0;
      collections++;
      collect();
    },
    get collections() {
      return collections;
    },
  };
}
