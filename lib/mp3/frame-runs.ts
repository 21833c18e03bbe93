// A chunk's audio frames as views into it: frames usually follow one another, so whole runs are one view each;
// junk or an inner tag between frames starts a new run. Nothing is copied.

/** The `count` frames at `offsets` with `lengths` in `mp3`, as runs of back-to-back frames, in order. */
export function frameRuns(mp3: Uint8Array, offsets: Uint32Array, lengths: Uint16Array, count: number): Uint8Array[] {
  const runs: Uint8Array[] = [];
  let runStart = offsets[0];
  let runEnd = runStart;
  for (let f = 0; f < count; f++) {
    if (offsets[f] !== runEnd) {
      runs.push(mp3.subarray(runStart, runEnd));
      runStart = offsets[f];
    }
    runEnd = offsets[f] + lengths[f];
  }
  if (count > 0) runs.push(mp3.subarray(runStart, runEnd));
  return runs;
}
