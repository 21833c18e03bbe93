import { ARTICLES } from "./pages/reader-page";
import { expect, test } from "./fixtures";

test("a reload mid-article offers Continue, which carries on from the word reached", async ({ reader, page }) => {
  await reader.open(ARTICLES.medium);
  await expect(reader.resumePrompt).toHaveCount(0);
  await reader.listen();
  await reader.waitForAudioTime(4);
  await reader.pause();
  const stopped = await reader.state();
  expect(stopped.current).toBeGreaterThan(3);

  await page.reload();
  await expect(reader.article).toBeVisible();
  await expect(reader.resumeContinue).toHaveText(/^Continue from 0:0[3-9]$/);
  const pressedAt = await page.evaluate(() => performance.now());
  await reader.resumeContinue.click();
  await reader.waitUntilPlaying();
  await expect(reader.resumePrompt).toHaveCount(0);
  // Within one word of where it stopped, plus what the voice can have said since.
  const resumed = await reader.state();
  expect(resumed.current).toBeGreaterThanOrEqual(stopped.current - 1);
  reader.expectReachedFrom(resumed, stopped.current - 1, pressedAt);
  expect(resumed.time).toBeGreaterThanOrEqual(stopped.time - 1);
});

test("going back to the library and in again, L continues and Start over starts from the top", async ({ reader, page }) => {
  await reader.open(ARTICLES.medium);
  await reader.listen();
  // Far enough in that "Start over" is told apart from "Continue" below, however slow the machine.
  await reader.waitForAudioTime(10);
  // Leaving while it plays: the player closes with the page and saves where it was.
  const left = await reader.state();
  await reader.backToLibrary();
  await reader.openCard(ARTICLES.medium);
  await expect(reader.resumeContinue).toBeVisible();
  await page.keyboard.press("l");
  await reader.waitUntilPlaying();
  const resumed = await reader.state();
  expect(resumed.current).toBeGreaterThanOrEqual(left.current - 1);
  // Saved as the page went, a little after `left` was read: as far as the voice can have gone since then.
  reader.expectReachedFrom(resumed, left.current - 1, left.at);

  await reader.close();
  await reader.backToLibrary();
  await reader.openCard(ARTICLES.medium);
  const pressedAt = await page.evaluate(() => performance.now());
  await reader.resumeStartOver.click();
  await reader.waitUntilPlaying();
  const restarted = await reader.state();
  reader.expectReachedFrom(restarted, 0, pressedAt);
  expect(restarted.current).toBeLessThan(left.current);
});

test("a signed-in reader's place follows them to another browser", async ({ player, page }) => {
  await player.signInDemo("free");
  await player.openCard(ARTICLES.short);
  await player.listen();
  await player.waitForAudioTime(3);
  await player.pause();
  const stopped = await player.state();
  await player.close();

  // Another device: nothing in this browser's storage, the same account.
  await page.evaluate(() => localStorage.clear());
  await player.backToLibrary();
  await player.openCard(ARTICLES.short);
  await expect(player.resumeContinue).toHaveText(/^Continue from 0:0[2-9]$/);
  const pressedAt = await page.evaluate(() => performance.now());
  await player.resumeContinue.click();
  await player.waitUntilPlaying();
  const resumed = await player.state();
  expect(resumed.current).toBeGreaterThanOrEqual(stopped.current - 1);
  player.expectReachedFrom(resumed, stopped.current - 1, pressedAt);
});
