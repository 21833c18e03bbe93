import type { Locator, Page } from "@playwright/test";
import { ARTICLES } from "./pages/reader-page";
import { expect, test } from "./fixtures";

// Issue 12 on a phone (and a desktop): the new controls sit above the bottom bar, in view, with names and roles.

async function expectAboveBottomBar(page: Page, controls: Locator[]) {
  const viewport = page.viewportSize()!;
  const bar = await page.locator(".bottom-bar").boundingBox();
  const limit = bar && bar.height > 0 ? bar.y : viewport.height;
  for (const control of controls) {
    await expect(control).toBeVisible();
    const box = (await control.boundingBox())!;
    const slot = (await control.getAttribute("data-slot")) ?? "";
    expect(box.x, slot).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height, `${slot} above the bottom bar`).toBeLessThanOrEqual(limit);
  }
}

// Their place in the Tab order is checked with the rest of the player's (player.spec.ts).
test("the podcast controls fit above the bottom bar and have names and roles", async ({ reader, page }) => {
  await reader.open(ARTICLES.short);
  await reader.listen();
  await reader.waitForWholeAudio();

  const named = [
    page.getByRole("button", { name: "Previous sentence" }),
    page.getByRole("button", { name: "Next sentence" }),
    page.getByRole("combobox", { name: /^Sleep timer/ }),
    page.getByRole("button", { name: "Download MP3" }),
    page.getByRole("checkbox", { name: "Autoplay next" }),
    // The controls that were there before must still fit beside the new ones.
    page.locator('[data-slot="voice-picker-trigger"]'),
    reader.playPause,
    page.locator('[data-slot="speed-select"] select'),
    page.locator('[data-slot="transcript-viewer-total"]'),
  ];
  await expectAboveBottomBar(page, named);
  // And the scrub bar keeps room to be used: squeezed by the wider transport, it once shrank to its thumb and
  // could not be clicked.
  const scrub = (await page.locator('[data-slot="transcript-viewer-scrub-bar"] input[type="range"]').boundingBox())!;
  expect(scrub.width).toBeGreaterThan(100);
});

test("Continue and Start over sit above the bottom bar and are buttons with names", async ({ reader, page }) => {
  await reader.open(ARTICLES.short);
  await reader.listen();
  await reader.waitForAudioTime(2);
  await reader.pause();
  await reader.close();
  await reader.backToLibrary();
  await reader.openCard(ARTICLES.short);
  await expect(page.getByRole("group", { name: "You listened to part of this article" })).toBeVisible();
  await expectAboveBottomBar(page, [
    page.getByRole("button", { name: /^Continue from \d+:\d\d$/ }),
    page.getByRole("button", { name: "Start over" }),
  ]);
});
