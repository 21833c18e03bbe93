// The word being spoken at `time`: the last word whose start is at or before it (binary search, so a
// 20,000-word article costs ~15 comparisons per frame). -1 before the first word.
export function findWordIndex(startTimes: ArrayLike<number>, time: number): number {
  let lo = 0;
  let hi = startTimes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (startTimes[mid] <= time) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
