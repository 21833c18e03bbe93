import { test as base, expect, type Page } from "@playwright/test";
import { voiceControl, type VoiceControl } from "../support/voice-control";
import { LibraryPage } from "./pages/library-page";
import { PlayerPage } from "./pages/player-page";
import { ReaderPage } from "./pages/reader-page";
import { VOICE_URL } from "./ports";

/** How a page object is made over a page: the fixtures below hand them to tests; benches call these for pages they open. */
export const pageObjects = {
  library: (page: Page) => new LibraryPage(page),
  reader: (page: Page) => new ReaderPage(page),
  player: (page: Page) => new PlayerPage(page),
};

/**
 * `library`, `reader` and `player` are the page objects; `voice` steers the local voice server (LOCAL_VOICE_CONTROL=1)
 * that stands in for Inworld. Every test also fails on an uncaught page error.
 */
export const test = base.extend<{ library: LibraryPage; reader: ReaderPage; player: PlayerPage; voice: VoiceControl; pageErrors: Error[] }>({
  pageErrors: [
    async ({ page }, provide) => {
      const errors: Error[] = [];
      page.on("pageerror", (error) => errors.push(error));
      await provide(errors);
      expect(
        errors.map((e) => e.message),
        "uncaught errors in the page",
      ).toEqual([]);
    },
    { auto: true },
  ],
  library: async ({ page }, provide) => {
    await provide(pageObjects.library(page));
  },
  reader: async ({ page }, provide) => {
    await provide(pageObjects.reader(page));
  },
  player: async ({ page }, provide) => {
    await provide(pageObjects.player(page));
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from the pattern
  voice: async ({}, provide) => {
    await provide(voiceControl(VOICE_URL));
  },
});

export { expect };
