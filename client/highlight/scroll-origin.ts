// Who moved the page: the follow (our own scrolls, which keep the lit word in view) or the reader (the wheel, a
// finger, a key, the scrollbar, or anything else that scrolls). Only the reader's scrolls stop the follow. A
// scroll event does not say where it came from, so ours are announced before they start (from where to where)
// and a smooth one passes only through the positions between; the reader's input is announced as it happens and
// wins over a scroll of ours started before it (a wheel turned mid-animation takes the page from us).

/** Input this recent explains the scroll that follows it (a wheel's smooth scroll runs on after its last event). */
export const INTENT_MS = 700;
/**
 * A scroll of ours is recognised until it lands, however slowly a busy page gets its scroll events; this only
 * bounds how long one that never lands (the page grew shorter under it) is waited for.
 */
export const OWN_SCROLL_MS = 10_000;
/** Scroll positions are rounded to device pixels (2.625 CSS px on some phones). */
const TOLERANCE_PX = 1.5;

export interface ScrollOrigin {
  /** We are about to scroll the page from `from` to `to` (scrollY values, the target already clamped). */
  ours(from: number, to: number): void;
  /** The reader just used something that scrolls: a wheel, a finger on the page, a scrolling key, the scrollbar. */
  readerInput(): void;
  /** The page is now at `y` (a scroll event): true when the reader moved it, false when the follow did. */
  isReaders(y: number): boolean;
}

export function createScrollOrigin({ now }: { now: () => number }): ScrollOrigin {
  let own: { from: number; to: number; at: number } | null = null;
  let inputAt = -Infinity;

  const within = (y: number, a: number, b: number) => y >= Math.min(a, b) - TOLERANCE_PX && y <= Math.max(a, b) + TOLERANCE_PX;

  return {
    ours(from, to) {
      own = { from, to, at: now() };
    },
    readerInput() {
      inputAt = now();
    },
    isReaders(y) {
      const at = now();
      const recentOwn = own !== null && at - own.at <= OWN_SCROLL_MS ? own : null;
      const recentInput = at - inputAt <= INTENT_MS;
      if (recentOwn && recentOwn.at >= inputAt && within(y, recentOwn.from, recentOwn.to)) {
        // Landed: the path shrinks to where it landed (the browser may still snap it to a device pixel), so a later
        // move back along it is someone else's.
        if (Math.abs(y - recentOwn.to) <= TOLERANCE_PX) recentOwn.from = recentOwn.to;
        return false;
      }
      if (recentInput) {
        own = null;
        return true;
      }
      // Nothing of ours explains it: the scrollbar dragged, a find in the page, a focus moved by the keyboard.
      return !(recentOwn && within(y, recentOwn.from, recentOwn.to));
    },
  };
}
