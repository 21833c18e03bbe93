import type { Locator } from "@playwright/test";
import { ARTICLES } from "./pages/reader-page";
import { expect, test } from "./fixtures";

/** Every control the player shows (a checkbox is reached through its label), with its size. */
async function controlSizes(player: Locator) {
  return player.locator("button, select, a, input:not([type=checkbox]), label:has(input[type=checkbox])").evaluateAll((controls) =>
    controls
      .map((control) => ({ control, box: control.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0)
      .map(({ control, box }) => ({
        name: control.getAttribute("data-slot") ?? control.getAttribute("aria-label") ?? control.textContent?.trim() ?? control.tagName,
        width: Math.round(box.width * 10) / 10,
        height: Math.round(box.height * 10) / 10,
      })),
  );
}

function expectFingerSized(sizes: Awaited<ReturnType<typeof controlSizes>>) {
  expect(sizes.length).toBeGreaterThan(0);
  const small = sizes.filter((s) => s.width < 44 || s.height < 44);
  expect(small, "controls smaller than 44 × 44 px").toEqual([]);
}

test("on a phone the player is a mini player while reading, opens on a tap, and every control takes a finger", async ({ player, page }, testInfo) => {
  await player.open(ARTICLES.short);
  const container = page.locator("[data-mobile-scroll]");
  const padding = () => container.evaluate((el) => parseFloat(getComputedStyle(el).paddingBottom));
  const base = await padding();
  await player.listenButton.click();
  await player.waitUntilPlaying();

  // The mini player: title, play and pause, progress. With the bottom bar it covers at most a quarter of the screen.
  await expect(player.miniPlayer).toBeVisible();
  await expect(player.miniPlayer).toContainText("The Lamplighter");
  await expect(player.miniPlayer.locator('[data-slot="transcript-viewer-progress"]')).toBeVisible();
  const covered = await page.evaluate(() => {
    const height = (selector: string) => document.querySelector(selector)!.getBoundingClientRect().height;
    return (height('[data-slot="tts-player"]') + height('[data-slot="mobile-bottom-bar"]')) / window.innerHeight;
  });
  expect(covered, "the share of the screen the mini player and the bottom bar cover").toBeLessThanOrEqual(0.25);
  expectFingerSized(await controlSizes(player.player));
  await page.screenshot({ path: testInfo.outputPath("mini-player.png") });

  // Room under the article for the player (at least the spec's 180 px, and as tall as the player), so its last
  // words can be brought above it.
  await expect.poll(padding).toBeGreaterThanOrEqual(base + 180);

  // A tap opens the whole player; its controls take a finger too, and the lit word stays above it.
  await player.openPlayer();
  expectFingerSized(await controlSizes(player.player));
  const dockHeight = await page.locator('[data-slot="transcript-viewer-root"]').evaluate((el) => el.getBoundingClientRect().height);
  await expect.poll(padding).toBeGreaterThanOrEqual(base + dockHeight);
  const overlap = () =>
    page.evaluate(() => {
      const word = document.querySelector(".tts-current")!.getBoundingClientRect();
      const dock = document.querySelector('[data-slot="tts-player"]')!.getBoundingClientRect();
      return word.bottom - dock.top;
    });
  await expect.poll(overlap).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("whole-player.png") });

  await player.collapsePlayer();
  await expect(player.miniPlayer).toBeVisible();
  await player.close();
  expect(await padding()).toBeCloseTo(base, 0);
});
