import type { Page } from "@playwright/test";

// What the page itself records while a reader listens, on its own clock (performance.now(), ms), so a test reads
// the order and overlap of events without racing the audio clock.

export interface Sample {
  at: number;
  /** the audio clock, seconds */
  time: number;
  paused: boolean;
  /** the player shows the spinner and "Loading the next part…" */
  buffering: boolean;
  /** "Back to the current word" is offered: the reader scrolled away */
  away: boolean;
  scrollY: number;
  /** the lit word's box, and the band of the window that nothing covers (null before a word is lit) */
  word: { top: number; bottom: number } | null;
  area: { top: number; bottom: number };
}

export interface ListeningRecord {
  samples: Sample[];
  /** when the player showed buffering, and until when (null: still showing) */
  shown: Array<{ from: number; to: number | null; sessionState: string }>;
  /** the app's own record of each wait of the playhead for audio (User Timing measures "listen:wait") */
  waits: Array<{ from: number; to: number }>;
  /** when the first word was lit */
  firstLit: number | null;
}

type WithRecord = Window & { __listening?: Omit<ListeningRecord, "waits"> };

/**
 * Starts recording, in the page: every 500 ms the lit word's box against the reading area (measured here from the
 * player, the toolbar and the bottom bar as drawn, not from the app's own geometry), and every change of the
 * buffering state the player shows. Call it on the reader page before Listen.
 */
export async function recordListening(page: Page) {
  await page.evaluate(() => {
    const record: Omit<ListeningRecord, "waits"> = { samples: [], shown: [], firstLit: null };
    (window as WithRecord).__listening = record;
    const root = document.querySelector("[data-article-content]")!;
    const showsBuffering = () =>
      document.querySelector('[data-slot="transcript-viewer-play-pause"][data-status="buffering"]') !== null &&
      document.querySelector('[data-slot="tts-waiting"]') !== null;
    const visibleBox = (selector: string) => {
      const element = document.querySelector(selector);
      if (!element || getComputedStyle(element).display === "none") return null;
      const box = element.getBoundingClientRect();
      return box.height > 0 ? box : null;
    };
    const area = () => {
      const column = root.getBoundingClientRect();
      let top = 0;
      let bottom = window.innerHeight;
      const toolbar = visibleBox('[data-slot="floating-toolbar"]');
      if (toolbar && toolbar.left < column.right && toolbar.right > column.left) top = Math.max(top, toolbar.bottom);
      for (const selector of ['[data-slot="tts-player"]', '[data-slot="mobile-bottom-bar"]']) {
        const box = visibleBox(selector);
        if (box) bottom = Math.min(bottom, box.top);
      }
      return { top, bottom };
    };
    new MutationObserver(() => {
      if (record.firstLit === null && root.querySelector(".tts-current")) record.firstLit = performance.now();
      const last = record.shown.at(-1);
      const showing = last !== undefined && last.to === null;
      if (showsBuffering() && !showing) {
        record.shown.push({ from: performance.now(), to: null, sessionState: navigator.mediaSession.playbackState });
      } else if (!showsBuffering() && showing) last.to = performance.now();
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["class", "data-status"] });
    setInterval(() => {
      const audio = document.querySelector<HTMLAudioElement>('[data-slot="transcript-viewer-audio"]');
      const lit = root.querySelector(".tts-current")?.getBoundingClientRect();
      record.samples.push({
        at: performance.now(),
        time: audio?.currentTime ?? 0,
        paused: audio?.paused ?? true,
        buffering: showsBuffering(),
        away: document.querySelector('[data-slot="tts-follow"]') !== null,
        scrollY: window.scrollY,
        word: lit ? { top: lit.top, bottom: lit.bottom } : null,
        area: area(),
      });
    }, 500);
  });
}

export async function listeningRecord(page: Page): Promise<ListeningRecord> {
  return page.evaluate(() => ({
    ...(window as WithRecord).__listening!,
    waits: performance.getEntriesByName("listen:wait").map((m) => ({ from: m.startTime, to: m.startTime + m.duration })),
  }));
}

/** The last sample taken (the recorder takes one every 500 ms). */
export async function lastSample(page: Page): Promise<Sample | undefined> {
  return page.evaluate(() => (window as WithRecord).__listening?.samples.at(-1));
}
