// DOM word spans and alignment words both come from the same cleaned text, so their counts normally match
// and an index passes straight through. When they differ (the article DOM changed under us, or cleaning
// disagreed somewhere), scale proportionally so a mismatch stays local instead of cascading.

function mapIndex(idx: number, sourceCount: number, targetCount: number): number {
  if (targetCount <= 0 || idx < 0) return -1;
  if (sourceCount === targetCount) return Math.min(idx, targetCount - 1);
  if (sourceCount <= 1 || targetCount === 1) return 0;
  const scaled = Math.round((idx * (targetCount - 1)) / (sourceCount - 1));
  return Math.min(Math.max(scaled, 0), targetCount - 1);
}

export function alignToDomIdx(alignIdx: number, alignCount: number, domCount: number): number {
  return mapIndex(alignIdx, alignCount, domCount);
}

export function domToAlignIdx(domIdx: number, domCount: number, alignCount: number): number {
  return mapIndex(domIdx, domCount, alignCount);
}
