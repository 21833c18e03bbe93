// JavaScriptCore collects on its own schedule, which lags far behind the big short-lived strings and buffers
// a generation leaves behind: the upstream's JSON text and the base64 string in it, and the base64 pieces written
// into the body (about three times the body's size, since audio is held as bytes; six times before). Under steady
// generation that garbage, not the caches, sets the API's peak RSS. Collecting once every `thresholdBytes` of it
// keeps the peak near the live set: 486–489 MB against 632 MB without, for ~6 ms of CPU per upstream call (README
// "100 concurrent listeners"), so it is kept.
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
