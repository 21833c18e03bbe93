import { ARTICLES } from "./pages/reader-page";
import { expect, test } from "./fixtures";

test("on a phone the player makes room under the article and gives it back on close", async ({ player, page }) => {
  await player.open(ARTICLES.short);
  const container = page.locator("[data-mobile-scroll]");
  const padding = () => container.evaluate((el) => parseFloat(getComputedStyle(el).paddingBottom));
  const base = await padding();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await player.listen();
  // At least the spec's 180 px, and as tall as the player, so the last words can be brought above it.
  await expect.poll(padding).toBeGreaterThanOrEqual(base + 180);
  const dockHeight = await page.locator('[data-slot="transcript-viewer-root"]').evaluate((el) => el.getBoundingClientRect().height);
  await expect.poll(padding).toBeGreaterThanOrEqual(base + dockHeight);
  // Nudged down 60 px to show what the player now covers (the first words are still clear of the top).
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThanOrEqual(55);

  // The lit word stays above the player.
  await player.waitForAudioTime(4);
  const overlap = await page.evaluate(() => {
    const word = document.querySelector(".tts-current")!.getBoundingClientRect();
    const dock = document.querySelector(".player-dock")!.getBoundingClientRect();
    return word.bottom - dock.top;
  });
  expect(overlap).toBeLessThan(0);

  await player.close();
  expect(await padding()).toBeCloseTo(base, 0);
});
