import { ARTICLES } from "./pages/reader-page";
import { expect, test } from "./fixtures";

test("Shift+→ and the next-sentence button light the first word of the next sentence", async ({ reader, page }) => {
  await reader.open(ARTICLES.short);
  await reader.listen();
  await reader.waitForAudioTime(1);
  const starts = await reader.sentenceStarts();

  await reader.pause();
  // The keyboard, from the page (a focused button would keep the arrows for itself).
  await reader.focusPage();
  let from = (await reader.state()).current;
  let next = starts.find((start) => start > from)!;
  let pressedAt = await page.evaluate(() => performance.now());
  await page.keyboard.press("Shift+ArrowRight");
  await expect.poll(async () => (await reader.state()).current).toBeGreaterThanOrEqual(next);
  reader.expectReachedFrom(await reader.state(), next, pressedAt);
  await expect(reader.playPause).toHaveAttribute("data-status", "playing");

  // The button, twice: each press one sentence on.
  await reader.pause();
  from = (await reader.state()).current;
  next = starts.find((start) => start > from)!;
  const afterNext = starts.find((start) => start > next)!;
  pressedAt = await page.evaluate(() => performance.now());
  await reader.sentence("next");
  await reader.sentence("next");
  await expect.poll(async () => (await reader.state()).current).toBeGreaterThanOrEqual(afterNext);
  reader.expectReachedFrom(await reader.state(), afterNext, pressedAt);

  // Shift+← from well into a sentence starts it over: four words into a long one.
  const long = starts.findIndex((s, i) => s > afterNext && (starts[i + 1] ?? Infinity) - s >= 10);
  await reader.clickWord(starts[long] + 4);
  await reader.pause();
  const inside = (await reader.state()).current;
  expect(inside).toBeLessThan(starts[long + 1] ?? Infinity);
  await reader.focusPage();
  pressedAt = await page.evaluate(() => performance.now());
  await page.keyboard.press("Shift+ArrowLeft");
  await expect.poll(async () => (await reader.state()).current).toBeLessThan(inside);
  reader.expectReachedFrom(await reader.state(), starts[long], pressedAt);
});

test("'Listen from here' on a selection starts there, and moves the voice there once listening", async ({ reader, page }) => {
  await reader.open(ARTICLES.short);
  const listenFromHere = page.locator('[data-slot="listen-from-here"]');
  const third = reader.article.locator("p").nth(2);
  // A reader selects what they see: on a phone the paragraph is below the fold until scrolled to.
  await third.scrollIntoViewIfNeeded();
  await third.selectText();
  let pressedAt = await page.evaluate(() => performance.now());
  await listenFromHere.click();
  await reader.waitUntilPlaying();
  // The paragraph's first word, now wrapped for the light.
  let first = Number(await third.locator("[data-tts-idx]").first().getAttribute("data-tts-idx"));
  expect(first).toBeGreaterThan(10);
  await expect.poll(async () => (await reader.state()).current).toBeGreaterThanOrEqual(first);
  reader.expectReachedFrom(await reader.state(), first, pressedAt);

  const second = reader.article.locator("p").nth(1);
  await second.scrollIntoViewIfNeeded();
  await second.selectText();
  pressedAt = await page.evaluate(() => performance.now());
  await listenFromHere.click();
  first = Number(await second.locator("[data-tts-idx]").first().getAttribute("data-tts-idx"));
  await expect.poll(async () => (await reader.state()).current).toBeLessThan(first + 8);
  reader.expectReachedFrom(await reader.state(), first, pressedAt);
});
