import { test as base, expect } from "@playwright/test";
import { PlayerPage } from "./pages/player-page";
import { ReaderPage } from "./pages/reader-page";

/** `reader` is the page object; every test also fails on an uncaught page error. */
export const test = base.extend<{ reader: ReaderPage; player: PlayerPage; pageErrors: Error[] }>({
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
  reader: async ({ page }, provide) => {
    await provide(new ReaderPage(page));
  },
  player: async ({ page }, provide) => {
    await provide(new PlayerPage(page));
  },
});

export { expect };
