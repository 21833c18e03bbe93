import { ARTICLES } from "./pages/reader-page";
import { expect, test } from "./fixtures";

// What happens around playback rather than during it (issue 3, useTTSHighlight and useTranscriptViewer): the
// article DOM replaced under the highlighter, the end of the speech, and following the voice down the page.

test("replacing the article DOM while listening wraps the new DOM and the highlight carries on", async ({ reader }) => {
  await reader.open(ARTICLES.short);
  const original = await reader.article.innerHTML();
  await reader.listen();
  const spans = await reader.article.locator("[data-tts-idx]").count();
  await reader.waitForAudioTime(1.5);

  // Same markup, new nodes: what a re-render, an editor or a browser extension does to the page.
  await reader.article.evaluate((root, html) => (root.innerHTML = html), original);
  await expect(reader.article.locator("[data-tts-idx]")).toHaveCount(spans);
  await expect(reader.article.locator(".tts-current")).toHaveCount(1);
  const replaced = await reader.state();
  expect(replaced.current).toBeGreaterThan(0);
  expect(replaced.spoken).toBe(replaced.current);

  await reader.waitForAudioTime(replaced.time + 2);
  const later = await reader.state();
  expect(later.paused).toBe(false);
  expect(later.current).toBeGreaterThan(replaced.current);
  expect(later.spoken).toBe(later.current);

  await reader.close();
  expect(await reader.article.innerHTML()).toBe(original);
});

test("reaching the end pauses and keeps the player open; play then starts again from the beginning", async ({ reader, page }) => {
  await reader.open(ARTICLES.short);
  await reader.listen();
  const spans = reader.article.locator("[data-tts-idx]");
  const last = Number(await spans.last().getAttribute("data-tts-idx"));
  await reader.clickWord(last - 4);

  await expect(reader.playPause).toHaveAttribute("data-status", "paused", { timeout: 20_000 });
  const ended = await reader.state();
  expect(ended.paused).toBe(true);
  expect(ended.current).toBe(last);
  await expect(reader.player).toBeVisible();
  await expect(reader.player).toHaveAttribute("data-status", "ready");

  const pressedAt = await page.evaluate(() => performance.now());
  await reader.playPause.click();
  await expect(reader.playPause).toHaveAttribute("data-status", "playing");
  const restarted = await reader.state();
  // From the beginning: no further in than the audio can have played since the press (a loaded machine may
  // take a while to read the state back), and far from where it ended.
  expect(restarted.time).toBeLessThanOrEqual(((restarted.at - pressedAt) / 1000) * restarted.rate + 0.5);
  expect(restarted.time).toBeLessThan(ended.time / 2);
  // No word lit yet (-1, in the opening silence) or one of the first: never more than the audio played holds.
  expect(restarted.current).toBeLessThanOrEqual(1 + Math.ceil(restarted.time * 6));
  await reader.waitForAudioTime(restarted.time + 1);
  expect((await reader.state()).paused).toBe(false);
});

test("a seek far down the page scrolls the current word into view, clear of the player", async ({ reader, page }) => {
  test.setTimeout(420_000);
  await reader.open(ARTICLES.medium);
  await reader.listen({ timeout: 180_000 });
  const before = await reader.state();

  await reader.seekToFraction(0.6);
  // While the article still streams in, the player waits at a part not yet arrived (tests/e2e/stream.spec.ts), so
  // the poll allows for the generation of that part on a slow machine.
  await expect.poll(async () => (await reader.state()).current, { timeout: 180_000 }).toBeGreaterThan(before.current + 200);

  const inView = () =>
    page.evaluate(() => {
      const word = document.querySelector("[data-article-content] .tts-current")!.getBoundingClientRect();
      const player = document.querySelector('[data-slot="tts-player"]')!.getBoundingClientRect();
      return word.top >= 0 && word.bottom <= player.top;
    });
  await expect.poll(inView, { timeout: 5_000 }).toBe(true);
  const seeked = await reader.state();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);

  // And it keeps following as the voice moves on.
  await reader.waitForAudioTime(seeked.time + 3);
  await expect.poll(inView, { timeout: 5_000 }).toBe(true);
});
