// The reading area: the part of the window where the article can be read, not covered by the player, the
// toolbar or the phone's bottom bar. Following the voice keeps the lit word inside it (docs/architecture.md,
// "The path of a listen": the viewer lights the words, the follow keeps the lit one in view). Plain numbers in
// and out (the DOM's getBoundingClientRect shapes), so the geometry is tested without a browser.

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** A horizontal band of the window, in viewport pixels. */
export interface Band {
  top: number;
  bottom: number;
}

/**
 * The band of a window `viewportHeight` tall left to the article `column` by `covers` (fixed parts drawn over
 * it): one in the upper half of the window pushes the top down to its bottom edge, one in the lower half pushes
 * the bottom up to its top edge. A cover beside the column, or not drawn (no height), hides nothing.
 */
export function readingArea(viewportHeight: number, column: Pick<Box, "left" | "right">, covers: readonly Box[]): Band {
  let top = 0;
  let bottom = viewportHeight;
  for (const cover of covers) {
    if (cover.bottom <= cover.top || cover.right <= column.left || cover.left >= column.right) continue;
    if (cover.bottom <= 0 || cover.top >= viewportHeight) continue;
    if (cover.top + cover.bottom < viewportHeight) top = Math.max(top, cover.bottom);
    else bottom = Math.min(bottom, cover.top);
  }
  return { top, bottom: Math.max(top, bottom) };
}

/** True when all of `box` can be seen in `area`. */
export function isInside(box: Band, area: Band): boolean {
  return box.top >= area.top && box.bottom <= area.bottom;
}

/**
 * How far to scroll the page (pixels, down positive) so the lit word `box` stays in `area` while the voice moves
 * on: nothing while it is clear of the area's edges by `margin`, else whatever brings it a third of the way down,
 * so the lines after it can be read before the next scroll. The margin shrinks in a small area, where a word a
 * third of the way down must still count as clear of both edges (or every frame would scroll).
 */
export function followOffset(box: Band, area: Band, margin: number): number {
  const height = area.bottom - area.top;
  const clear = Math.max(0, Math.min(margin, height / 4, (height * 2) / 3 - (box.bottom - box.top)));
  if (box.top >= area.top + clear && box.bottom <= area.bottom - clear) return 0;
  return box.top - (area.top + height / 3);
}
